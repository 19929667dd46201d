namespace K8Shop.Contracts.Catalog;

/// <summary>How search results are ordered; <see cref="Relevance"/> is the default when there is text.</summary>
public enum SearchSort
{
    Relevance = 0,
    Title = 1,
    PriceAscending = 2,
    PriceDescending = 3,
    Newest = 4,
    Rating = 5,
}

/// <summary>
/// A shopper's search: <see cref="Text"/> in the shopper's syntax (words, "quoted phrase", -exclude, or) over title,
/// author, ISBN, description, tags and SKU; every other present filter is AND-ed.
/// </summary>
[GenerateSerializer, Immutable, Alias("k8shop.catalog.BookSearchQuery")]
public sealed record BookSearchQuery(
    [property: Id(0)] string? Text = null,
    [property: Id(1)] string? Tag = null,
    [property: Id(2)] string? Author = null,
    [property: Id(3)] string? PriceBand = null,
    [property: Id(4)] bool? InStock = null,
    [property: Id(5)] decimal? MinPrice = null,
    [property: Id(6)] decimal? MaxPrice = null,
    [property: Id(7)] SearchSort Sort = SearchSort.Relevance,
    [property: Id(8)] int Page = 1,
    [property: Id(9)] int PageSize = Rules.ShopLimits.Search.DefaultPageSize)
{
    /// <summary>How many matches to skip before the requested page.</summary>
    public int Skip => (Page - 1) * PageSize;
}
