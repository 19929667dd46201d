using System.Text.Json.Serialization;
using K8Shop.Contracts.Catalog;

namespace K8Shop.Gateways.Catalog;

/// <summary><c>GET /catalog/search</c>'s body: one page of hits, the paging, the facets and a better spelling (or null).</summary>
public sealed record SearchResponse(
    string Query,
    IReadOnlyList<SearchHitResponse> Items,
    int Total,
    int Page,
    int PageSize,
    int TotalPages,
    SearchFacetsResponse Facets,
    string? DidYouMean)
{
    public static SearchResponse From(string query, BookSearchQuery asked, BookSearchResult result) => new(
        query,
        [.. result.Items.Select(SearchHitResponse.From)],
        result.Total,
        asked.Page,
        asked.PageSize,
        (result.Total + asked.PageSize - 1) / asked.PageSize,
        new SearchFacetsResponse(Values(result.Facets.Tags), Values(result.Facets.Authors), Values(result.Facets.PriceBands), Values(result.Facets.InStock)),
        result.DidYouMean);

    private static IReadOnlyList<FacetValueResponse> Values(IEnumerable<FacetCount> counts) => [.. counts.Select(c => new FacetValueResponse(c.Value, c.Count))];
}

/// <summary>A hit: the product as the catalog returns it, where the query's words are in it, and its ratings.</summary>
public sealed record SearchHitResponse(ProductResponse Product, IReadOnlyList<HighlightResponse> Highlights, RatingResponse? Rating)
{
    public static SearchHitResponse From(BookSearchHit hit) => new(
        ProductResponse.From(hit.Product),
        [.. hit.Highlights.Select(h => new HighlightResponse(h.Field, h.Value, [.. h.Ranges.Select(r => new[] { r.Start, r.Length })]))],
        hit.Rating is { Count: > 0 } rating ? new RatingResponse(Math.Round(rating.Average, 2), rating.Count) : null);
}

/// <summary>UTF-16 [start, length] ranges into the field's value (for <c>tags</c>, into the tag named by <c>value</c>).</summary>
public sealed record HighlightResponse(
    string Field,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Value,
    IReadOnlyList<int[]> Ranges);

public sealed record RatingResponse(double Average, int Count);

public sealed record SearchFacetsResponse(
    IReadOnlyList<FacetValueResponse> Tags,
    IReadOnlyList<FacetValueResponse> Authors,
    IReadOnlyList<FacetValueResponse> PriceBands,
    IReadOnlyList<FacetValueResponse> InStock);

public sealed record FacetValueResponse(string Value, int Count);

/// <summary><c>GET /catalog/suggest</c>'s body.</summary>
public sealed record SuggestResponse(string Query, IReadOnlyList<SuggestionResponse> Suggestions);

/// <summary>A title (<c>kind</c> "title", with its SKU) or an author (<c>kind</c> "author").</summary>
public sealed record SuggestionResponse(
    string Kind,
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sku)
{
    public static SuggestionResponse From(SearchSuggestion s) =>
        new(s.Kind == SuggestionKind.Author ? "author" : "title", s.Text, s.Sku);
}
