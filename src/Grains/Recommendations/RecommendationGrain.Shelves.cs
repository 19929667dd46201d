using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Faults;
using K8Shop.Contracts.Recommendations;
using K8Shop.Contracts.Rules;
using K8Shop.Contracts.Storage;

namespace K8Shop.Grains.Recommendations;

public sealed partial class RecommendationGrain
{
    public async Task<ShelvesResult> GetShelvesAsync(string? userId)
    {
        await faults.InjectAsync(FaultNames.RecommendationsFailing, FaultScope.ForUser(userId),
            () => new StorageUnavailableException("recommendations", "recommendations unavailable"));
        var settings = options.Value;
        return RecommendationInput.IsUsableId(userId)
            ? await PlanShelvesAsync(userId, settings)
            : await caches.ShopShelves.GetAsync(settings.CacheTtl, () => PlanShelvesAsync(null, settings));
    }

    private async Task<ShelvesResult> PlanShelvesAsync(string? userId, RecommendationOptions settings)
    {
        var catalog = await ReadCatalogAsync(settings.CacheTtl);
        var sales = await ReadSalesAsync(settings.CacheTtl);
        var recent = await ReadRecentAsync(settings.CacheTtl);
        IReadOnlyList<CatalogBook> viewed = [];
        PersonalPick? pick = null;
        if (RecommendationInput.IsUsableId(userId))
        {
            viewed = await ReadViewedAsync(catalog, userId!);
            pick = await BecauseYouBoughtAsync(catalog, userId!, sales, settings);
        }
        var topRated = Books(catalog, await ReadTopRatedAsync(settings));
        var inputs = new ShelfInputs(catalog, recent, sales, viewed, pick, topRated);
        return new ShelvesResult(ShelfPlanner.Plan(inputs, ShelfSettings.From(settings)));
    }

    /// <summary>The book of the shopper's latest purchase and what it leads to; null when they bought nothing (that we still sell).</summary>
    private async Task<PersonalPick?> BecauseYouBoughtAsync(CatalogIndex catalog, string userId, IReadOnlyDictionary<string, long> sales, RecommendationOptions settings)
    {
        var (bought, _) = await ReadHistoryAsync(catalog, userId, settings.OrdersRead);
        if (bought.Count == 0)
            return null;
        var owned = Skus(bought);
        var others = await ReadTastesAsync(userId, bought, owned);
        var books = RecommendationRanking.BecauseYouBought(catalog, bought[0], owned, others.BoughtWith, others.RatedBySimilar, sales, 2 * settings.ShelfSize);
        return new PersonalPick(bought[0], books);
    }

    private async Task<IReadOnlyList<CatalogBook>> ReadViewedAsync(CatalogIndex catalog, string userId)
    {
        try
        {
            return Books(catalog, await GrainFactory.GetGrain<IRecentlyViewedGrain>(userId).GetAsync());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSourceUnavailable(ex, "recently viewed");
            return [];
        }
    }

    /// <summary>
    /// Rated books in the catalog's rating order (average, then count), only those verified buyers rated: an unrated
    /// book is never "top rated". Empty when the search cannot be read, so the shelf is simply left out.
    /// </summary>
    private async Task<IReadOnlyList<string>> ReadTopRatedAsync(RecommendationOptions settings)
    {
        try
        {
            return await caches.TopRated.GetAsync(settings.CacheTtl, async () =>
            {
                var page = await GrainFactory.GetGrain<ICatalogSearchGrain>(0)
                    .SearchAsync(new BookSearchQuery(Sort: SearchSort.Rating, PageSize: ShopLimits.Search.MaxPageSize));
                return [.. page.Items.Where(hit => hit.Rating is { Count: > 0 }).Select(hit => hit.Product.Sku)];
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSourceUnavailable(ex, "ratings");
            return [];
        }
    }

    private async Task<RecentSales> ReadRecentAsync(TimeSpan ttl)
    {
        try
        {
            return await caches.Recent.GetAsync(ttl, () => GrainFactory.GetGrain<IPopularityGrain>(0).GetRecentAsync());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSourceUnavailable(ex, "recent sales");
            return RecentSales.Empty;
        }
    }
}
