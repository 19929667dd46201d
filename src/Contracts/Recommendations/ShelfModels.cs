using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;

namespace K8Shop.Contracts.Recommendations;

/// <summary>The home page's shelves, by their stable ids (the storefront keys on them).</summary>
public static class ShelfIds
{
    public const string PopularNow = "popular-now";
    public const string BestSellers = "best-sellers";
    public const string NewArrivals = "new-arrivals";
    public const string RecentlyViewed = "recently-viewed";
    public const string BecauseYouBought = "because-you-bought";
    public const string TopRated = "top-rated";
}

/// <summary>One shelf: its id, what the shopper reads (title, and why these books), and the books in order.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.Shelf")]
public sealed record Shelf(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Reason,
    [property: Id(3)] ImmutableArray<Product> Items);

/// <summary>The shelves that have enough books, in display order.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.ShelvesResult")]
public sealed record ShelvesResult(
    [property: Id(0)] ImmutableArray<Shelf> Shelves);
