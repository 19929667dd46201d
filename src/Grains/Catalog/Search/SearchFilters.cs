using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;

namespace K8Shop.Grains.Catalog.Search;

/// <summary>The facets with a fixed set of values (price bands, in stock), as both stores answer them.</summary>
public static class SearchFilters
{
    /// <summary>Price bands and stock in their fixed order, zero counts left out.</summary>
    public static ImmutableArray<FacetCount> Fixed(IEnumerable<string> order, Dictionary<string, int> counts) =>
        [.. order.Where(counts.ContainsKey).Select(v => new FacetCount(v, counts[v]))];

    public static readonly string[] StockValues = ["true", "false"];
}
