using K8Shop.Contracts.Catalog;

namespace K8Shop.Grains.Catalog.Search;

/// <summary>
/// The search's filters one by one, so each facet can be counted with every other filter applied (the in-memory
/// search runs them; the PostgreSQL search's SQL says the same).
/// </summary>
public sealed class SearchFilters(BookSearchQuery query)
{
    public bool Tag(Product p) => query.Tag is not { Length: > 0 } tag || p.Tags.Any(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase));

    public bool Author(Product p) => query.Author is not { Length: > 0 } author || string.Equals(p.Author, author, StringComparison.OrdinalIgnoreCase);

    public bool Band(Product p) => query.PriceBand is not { Length: > 0 } band || PriceBands.Of(p.Price) == band;

    public bool Stock(Product p) => query.InStock is not { } inStock || p.Stock > 0 == inStock;

    public bool Price(Product p) => (query.MinPrice is not { } min || p.Price >= min) && (query.MaxPrice is not { } max || p.Price <= max);

    public bool All(Product p) => Tag(p) && Author(p) && Band(p) && Stock(p) && Price(p);

    /// <summary>The listing's order for a search sort other than relevance.</summary>
    public static CatalogSort ListingSort(SearchSort sort) => sort switch
    {
        SearchSort.PriceAscending => CatalogSort.PriceAscending,
        SearchSort.PriceDescending => CatalogSort.PriceDescending,
        SearchSort.Newest => CatalogSort.Newest,
        SearchSort.Rating => CatalogSort.Rating,
        _ => CatalogSort.Title,
    };

    /// <summary>The most frequent values first, then ordinal; at most <see cref="Contracts.Rules.ShopLimits.Search.MaxFacetValues"/>.</summary>
    public static System.Collections.Immutable.ImmutableArray<FacetCount> Top(Dictionary<string, int> counts) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(Contracts.Rules.ShopLimits.Search.MaxFacetValues).Select(c => new FacetCount(c.Key, c.Value))];

    /// <summary>Price bands and stock in their fixed order, zero counts left out.</summary>
    public static System.Collections.Immutable.ImmutableArray<FacetCount> Fixed(IEnumerable<string> order, Dictionary<string, int> counts) =>
        [.. order.Where(counts.ContainsKey).Select(v => new FacetCount(v, counts[v]))];

    public static readonly string[] StockValues = ["true", "false"];
}
