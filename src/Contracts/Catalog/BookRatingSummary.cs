using System.Collections.Immutable;

namespace K8Shop.Contracts.Catalog;

/// <summary>A book's ratings: how many, their sum, and how many of each star (index 0 = 1 star).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.catalog.BookRatingSummary")]
public sealed record BookRatingSummary(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Count,
    [property: Id(2)] int Sum,
    [property: Id(3)] ImmutableArray<int> Stars)
{
    /// <summary>The mean rating, 0 when nobody rated the book.</summary>
    public double Average => Count == 0 ? 0 : (double)Sum / Count;
}
