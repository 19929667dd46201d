using System.Collections.Frozen;
using K8Shop.Contracts.Cart;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Faults;
using K8Shop.Contracts.Storage;
using K8Shop.Faults.Injection;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Recommendations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using static K8Shop.Contracts.Recommendations.RecommendationStrategies;

namespace K8Shop.Grains.Recommendations;

/// <summary>
/// Computes recommendations on the silo that received the call (a reentrant stateless worker: it holds nothing but
/// the per-silo caches). As the original, it never fails a request: a source that cannot be read counts as empty
/// (no catalog: no books; no sales: catalog order; no history: popular) and is logged.
/// </summary>
[StatelessWorker, Reentrant]
public sealed partial class RecommendationGrain(
    IOptions<RecommendationOptions> options,
    RecommendationCaches caches,
    IFaultInjector faults,
    ILogger<RecommendationGrain> logger) : Grain, IRecommendationGrain
{
    private static readonly OrderStatus[] Bought = [OrderStatus.Confirmed, OrderStatus.Shipped, OrderStatus.Delivered];

    public async Task<RecommendationResult> RecommendAsync(RecommendationRequest request)
    {
        // The one way this grain fails on purpose (the storefront must cope): 503, retry.
        await faults.InjectAsync(FaultNames.RecommendationsFailing, FaultScope.ForUser(request.UserId),
            () => new StorageUnavailableException("recommendations", "recommendations unavailable"));
        var settings = options.Value;
        var strategy = RecommendationInput.Strategy(request.Strategy, settings.Strategy);
        var limit = RecommendationInput.Limit(request.Limit, settings.Limit);
        var catalog = await ReadCatalogAsync(settings.CacheTtl);
        var sales = await ReadSalesAsync(settings.CacheTtl);

        var books = RecommendationInput.Ranking(strategy) switch
        {
            Related when RecommendationInput.IsUsableId(request.ProductId) && catalog.Find(request.ProductId!) is { } source =>
                RecommendationRanking.Related(catalog, source, sales, limit),
            Personalized when RecommendationInput.IsUsableId(request.UserId) =>
                RecommendationRanking.Personalized(catalog, await ReadHistoryAsync(catalog, request.UserId!, settings.OrdersRead), sales, limit),
            _ => RecommendationRanking.Popular(catalog, sales, FrozenSet<Guid>.Empty, limit),
        };
        return new RecommendationResult(strategy, [.. books.Select(s =>
            new Recommendation(s.Book.Id, s.Score, s.Book.Sku, s.Book.Title, s.Book.Price, s.Book.ImageUrl))]);
    }

    private async Task<CatalogIndex> ReadCatalogAsync(TimeSpan ttl)
    {
        try
        {
            return await caches.Catalog.GetAsync(ttl, async () =>
            {
                var page = await GrainFactory.GetGrain<ICatalogGrain>(0).SearchAsync(CatalogQuery.All);
                return new CatalogIndex(page.Items.Select(CatalogBook.From));
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSourceUnavailable(ex, "catalog");
            return CatalogIndex.Empty;
        }
    }

    private async Task<FrozenDictionary<string, long>> ReadSalesAsync(TimeSpan ttl)
    {
        try
        {
            return await caches.Sales.GetAsync(ttl, async () =>
            {
                var ranking = await GrainFactory.GetGrain<IPopularityGrain>(0).GetRankingAsync();
                return ranking.Skus.ToFrozenDictionary(s => s.Sku, s => s.Units, StringComparer.OrdinalIgnoreCase);
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSourceUnavailable(ex, "sales ranking");
            return FrozenDictionary<string, long>.Empty;
        }
    }

    /// <summary>The catalog books the user bought (their latest orders that went through) or holds in the cart.</summary>
    private async Task<IReadOnlyCollection<CatalogBook>> ReadHistoryAsync(CatalogIndex catalog, string userId, int ordersRead)
    {
        try
        {
            var cart = GrainFactory.GetGrain<ICartGrain>(userId).GetAsync();
            var page = await GrainFactory.GetGrain<IUserOrdersGrain>(userId).ListAsync(0, ordersRead);
            var skus = page.Orders
                .Where(o => Bought.Contains(o.Status))
                .SelectMany(o => o.Items.Select(i => i.Sku))
                .Concat((await cart).Items.Select(i => i.ProductId));
            return [.. skus.Select(catalog.Find).OfType<CatalogBook>().DistinctBy(b => b.Id)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSourceUnavailable(ex, "user history");
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recommendations answered without the {Source}, which could not be read")]
    private partial void LogSourceUnavailable(Exception ex, string source);
}
