using K8Shop.TestSupport;
using Orleans;
using Orleans.Storage;

namespace K8Shop.Persistence.DynamoDB.Tests;

[Collection(DynamoDBStorageCollection.Name)]
public sealed class GrainStorageClearTests(DynamoDBStorageFixture fixture)
{
    private const string StateName = "shelf";

    [DynamoDBFact]
    public async Task Clear_WritesATombstone_ReadAfterwardsHasNoRecordButTheNextVersion()
    {
        var grainId = DynamoDBStorageFixture.NewGrainId();
        var state = new TestGrainState<ShelfState>(new ShelfState { Owner = "Ada" });
        await fixture.Storage.WriteStateAsync(StateName, grainId, state);

        await fixture.Storage.ClearStateAsync(StateName, grainId, state);
        var read = new TestGrainState<ShelfState>();
        await fixture.Storage.ReadStateAsync(StateName, grainId, read);

        Assert.Equal("2", state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal("", state.State.Owner);
        Assert.False(read.RecordExists);
        Assert.Equal("2", read.ETag);
        Assert.Equal("", read.State.Owner);
        var item = await fixture.GetItemAsync(grainId, StateName);
        Assert.NotNull(item);
        Assert.False(item.ContainsKey("State"));
    }

    [DynamoDBFact]
    public async Task WriteAfterClear_WithThePostClearETag_SucceedsAndWithThePreClearETag_Fails()
    {
        var grainId = DynamoDBStorageFixture.NewGrainId();
        var state = new TestGrainState<ShelfState>(new ShelfState { Owner = "Ada" });
        await fixture.Storage.WriteStateAsync(StateName, grainId, state);
        var preClearETag = state.ETag;
        await fixture.Storage.ClearStateAsync(StateName, grainId, state);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => fixture.Storage.WriteStateAsync(StateName, grainId, new TestGrainState<ShelfState>(new ShelfState { Owner = "old" }, preClearETag)));
        state.State = new ShelfState { Owner = "Grace" };
        await fixture.Storage.WriteStateAsync(StateName, grainId, state);

        var read = new TestGrainState<ShelfState>();
        await fixture.Storage.ReadStateAsync(StateName, grainId, read);
        Assert.Equal("3", read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal("Grace", read.State.Owner);
    }

    [DynamoDBFact]
    public async Task Clear_WithStaleETag_IsRejectedAndKeepsTheState()
    {
        var grainId = DynamoDBStorageFixture.NewGrainId();
        var state = new TestGrainState<ShelfState>(new ShelfState { Owner = "Ada" });
        await fixture.Storage.WriteStateAsync(StateName, grainId, state);
        var stale = new TestGrainState<ShelfState>(state.State, state.ETag);
        await fixture.Storage.WriteStateAsync(StateName, grainId, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.ClearStateAsync(StateName, grainId, stale));

        var read = new TestGrainState<ShelfState>();
        await fixture.Storage.ReadStateAsync(StateName, grainId, read);
        Assert.True(read.RecordExists);
        Assert.Equal("Ada", read.State.Owner);
    }

    [DynamoDBFact]
    public async Task Clear_WithDeleteStateOnClear_RemovesTheItemAndLeavesNoETag()
    {
        using var storage = fixture.CreateStorage(options => options.DeleteStateOnClear = true);
        var grainId = DynamoDBStorageFixture.NewGrainId();
        var state = new TestGrainState<ShelfState>(new ShelfState { Owner = "Ada" });
        await storage.WriteStateAsync(StateName, grainId, state);

        await storage.ClearStateAsync(StateName, grainId, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Null(await fixture.GetItemAsync(grainId, StateName));
        state.State = new ShelfState { Owner = "Grace" };
        await storage.WriteStateAsync(StateName, grainId, state);
        Assert.Equal("1", state.ETag);
    }

    [DynamoDBFact]
    public async Task Clear_WithDeleteStateOnClearAndStaleETag_IsRejectedAndKeepsTheItem()
    {
        using var storage = fixture.CreateStorage(options => options.DeleteStateOnClear = true);
        var grainId = DynamoDBStorageFixture.NewGrainId();
        var state = new TestGrainState<ShelfState>(new ShelfState { Owner = "Ada" });
        await storage.WriteStateAsync(StateName, grainId, state);
        var stale = new TestGrainState<ShelfState>(state.State, state.ETag);
        await storage.WriteStateAsync(StateName, grainId, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grainId, stale));

        Assert.NotNull(await fixture.GetItemAsync(grainId, StateName));
    }
}
