namespace K8Shop.Persistence.DynamoDB.Tests.Cluster;

public sealed class ShelfGrain([PersistentState("s", ShelfGrain.StorageName)] IPersistentState<ShelfState> shelf) : Grain, IShelfGrain
{
    public const string StorageName = "dynamo-shelves";

    private readonly Guid _activationId = Guid.NewGuid();

    public async Task ShelveAsync(string title)
    {
        shelf.State = shelf.State with { Titles = shelf.State.Titles.Add(title) };
        await shelf.WriteStateAsync();
    }

    public Task<ShelfSnapshot> ReadAsync() => Task.FromResult(new ShelfSnapshot([.. shelf.State.Titles], _activationId, shelf.Etag));
}
