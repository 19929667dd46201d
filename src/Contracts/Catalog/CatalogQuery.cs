namespace K8Shop.Contracts.Catalog;

/// <summary>How a listing is ordered; <see cref="Title"/> is the original's only order.</summary>
public enum CatalogSort
{
    Title = 0,
    PriceAscending = 1,
    PriceDescending = 2,
    Newest = 3,

    /// <summary>Average rating descending, then number of ratings, then title.</summary>
    Rating = 4,
}

/// <summary>
/// A catalog search: every present filter is AND-ed. <see cref="Text"/> matches title or SKU literally,
/// case-insensitively. Without <see cref="PageSize"/> every match is returned, as the original did.
/// </summary>
[GenerateSerializer, Immutable, Alias("k8shop.catalog.CatalogQuery")]
public sealed record CatalogQuery(
    [property: Id(0)] string? Text = null,
    [property: Id(1)] string? Tag = null,
    [property: Id(2)] decimal? MinPrice = null,
    [property: Id(3)] decimal? MaxPrice = null,
    [property: Id(4)] CatalogSort Sort = CatalogSort.Title,
    [property: Id(5)] int Page = 1,
    [property: Id(6)] int? PageSize = null)
{
    public static CatalogQuery All { get; } = new();

    /// <summary>How many matches to skip before the requested page.</summary>
    public int Skip => PageSize is { } size ? (Page - 1) * size : 0;
}

/// <summary>One page of a search, with the number of matches over all pages.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.catalog.CatalogPage")]
public sealed record CatalogPage(
    [property: Id(0)] IReadOnlyList<Product> Items,
    [property: Id(1)] int Total);

/// <summary>Whether the catalog's store answers, and which store it is.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.catalog.CatalogHealth")]
public sealed record CatalogHealth(
    [property: Id(0)] bool Ok,
    [property: Id(1)] string Backend,
    [property: Id(2)] string? Error = null);
