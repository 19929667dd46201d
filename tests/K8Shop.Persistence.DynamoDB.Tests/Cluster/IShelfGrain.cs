namespace K8Shop.Persistence.DynamoDB.Tests.Cluster;

/// <summary>A test grain that keeps a shelf of titles in DynamoDB grain storage.</summary>
public interface IShelfGrain : IGrainWithStringKey
{
    /// <summary>Adds a title and persists the shelf.</summary>
    Task ShelveAsync(string title);

    /// <summary>The titles, this activation's id and the ETag it holds.</summary>
    Task<ShelfSnapshot> ReadAsync();
}

[GenerateSerializer, Alias("K8Shop.Persistence.DynamoDB.Tests.ShelfSnapshot")]
public sealed record ShelfSnapshot([property: Id(0)] string[] Titles, [property: Id(1)] Guid ActivationId, [property: Id(2)] string? ETag);
