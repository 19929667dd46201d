using System.Collections.Frozen;

namespace K8Shop.Grains.Recommendations;

/// <summary>What every recommendation reads, kept per silo for <see cref="RecommendationOptions.CacheTtl"/>: the catalog's books and units sold per SKU, all time and in the recent window.</summary>
public sealed class RecommendationCaches(TimeProvider clock)
{
    public TimedCache<CatalogIndex> Catalog { get; } = new("recommendations_catalog", clock);

    public TimedCache<FrozenDictionary<string, long>> Sales { get; } = new("recommendations_sales", clock);

    public TimedCache<Contracts.Recommendations.RecentSales> Recent { get; } = new("recommendations_recent_sales", clock);

    /// <summary>SKUs of rated books, best average first (the catalog's rating order).</summary>
    public TimedCache<IReadOnlyList<string>> TopRated { get; } = new("recommendations_top_rated", clock);

    /// <summary>The shelves every anonymous visitor gets (the home page, the shop's busiest read).</summary>
    public TimedCache<Contracts.Recommendations.ShelvesResult> ShopShelves { get; } = new("recommendations_shop_shelves", clock);
}
