using System.Collections.Immutable;

namespace K8Shop.Contracts.Catalog;

/// <summary>A product of the catalog as stored, with the stock the shop can sell.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.catalog.Product")]
public sealed record Product(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Sku,
    [property: Id(2)] string Title,
    [property: Id(3)] string? Description,
    [property: Id(4)] decimal Price,
    [property: Id(5)] string? ImageUrl,
    [property: Id(6)] ImmutableArray<string> Tags,
    [property: Id(7)] int Stock,
    [property: Id(8)] string? Author,
    [property: Id(9)] string? Isbn,
    [property: Id(10)] int? PublishedYear,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DateTimeOffset UpdatedAt);

/// <summary>What pricing needs of a product: its canonical SKU, title and price.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.catalog.ProductPrice")]
public sealed record ProductPrice(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Title,
    [property: Id(2)] decimal Price);
