using System.Collections.Immutable;

namespace K8Shop.Contracts.Catalog;

/// <summary>What an admin sends to create or replace a product; checked by <see cref="ProductRules"/>.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.catalog.ProductDraft")]
public sealed record ProductDraft(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Description,
    [property: Id(3)] decimal Price,
    [property: Id(4)] string? ImageUrl,
    [property: Id(5)] ImmutableArray<string> Tags,
    [property: Id(6)] int Stock,
    [property: Id(7)] string? Author,
    [property: Id(8)] string? Isbn,
    [property: Id(9)] int? PublishedYear);
