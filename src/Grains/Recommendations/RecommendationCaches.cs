using System.Collections.Frozen;

namespace K8Shop.Grains.Recommendations;

/// <summary>What every recommendation reads, kept per silo for <see cref="RecommendationOptions.CacheTtl"/>: the catalog's books and units sold per SKU.</summary>
public sealed class RecommendationCaches(TimeProvider clock)
{
    public TimedCache<CatalogIndex> Catalog { get; } = new("recommendations_catalog", clock);

    public TimedCache<FrozenDictionary<string, long>> Sales { get; } = new("recommendations_sales", clock);
}
