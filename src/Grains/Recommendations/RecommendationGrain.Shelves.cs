using K8Shop.Contracts.Faults;
using K8Shop.Contracts.Recommendations;
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
        // Top rated waits for the catalog's rating order (issue 19's search and reviews parts); until then the shelf is left out.
        var inputs = new ShelfInputs(catalog, recent, sales, viewed, pick, TopRated: null);
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
