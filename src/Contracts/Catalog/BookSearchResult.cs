using System.Collections.Immutable;

namespace K8Shop.Contracts.Catalog;

/// <summary>One page of a search, with the facets of every match and a better spelling when little matched.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.catalog.BookSearchResult")]
public sealed record BookSearchResult(
    [property: Id(0)] ImmutableArray<BookSearchHit> Items,
    [property: Id(1)] int Total,
    [property: Id(2)] SearchFacets Facets,
    [property: Id(3)] string? DidYouMean);

/// <summary>A matching product, where the query's words are in it, and its ratings (null when never rated).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.catalog.BookSearchHit")]
public sealed record BookSearchHit(
    [property: Id(0)] Product Product,
    [property: Id(1)] ImmutableArray<SearchHighlight> Highlights,
    [property: Id(2)] BookRatingSummary? Rating);

/// <summary>
/// Matched words in one field of the product as returned: UTF-16 (start, length) ranges into the field's value; for
/// <c>tags</c>, into the tag named by <see cref="Value"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("k8shop.catalog.SearchHighlight")]
public sealed record SearchHighlight(
    [property: Id(0)] string Field,
    [property: Id(1)] string? Value,
    [property: Id(2)] ImmutableArray<TextRange> Ranges);

[GenerateSerializer, Immutable, Alias("k8shop.catalog.TextRange")]
public readonly record struct TextRange([property: Id(0)] int Start, [property: Id(1)] int Length);

/// <summary>Counts per facet value, each over the matches with every other filter applied.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.catalog.SearchFacets")]
public sealed record SearchFacets(
    [property: Id(0)] ImmutableArray<FacetCount> Tags,
    [property: Id(1)] ImmutableArray<FacetCount> Authors,
    [property: Id(2)] ImmutableArray<FacetCount> PriceBands,
    [property: Id(3)] ImmutableArray<FacetCount> InStock)
{
    public static SearchFacets Empty { get; } = new([], [], [], []);
}

[GenerateSerializer, Immutable, Alias("k8shop.catalog.FacetCount")]
public sealed record FacetCount([property: Id(0)] string Value, [property: Id(1)] int Count);
