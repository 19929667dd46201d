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
            Personalized when RecommendationInput.IsUsableId(request.UserId) => await PersonalizedAsync(catalog, request.UserId!, sales, limit),
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

    /// <summary>Books like what the user bought or holds in the cart, and what shoppers with similar purchases rated highly.</summary>
    private async Task<IReadOnlyList<ScoredBook>> PersonalizedAsync(CatalogIndex catalog, string userId, FrozenDictionary<string, long> sales, int limit)
    {
        var (bought, cart) = await ReadHistoryAsync(catalog, userId, options.Value.OrdersRead);
        var history = bought.Concat(cart).DistinctBy(b => b.Id).ToList();
        var tastes = await ReadTastesAsync(userId, bought, Skus(history));
        return RecommendationRanking.Personalized(catalog, history, sales, limit, tastes.RatedBySimilar);
    }

    /// <summary>The catalog books the user bought (their latest orders that went through, newest first) and those in the cart.</summary>
    private async Task<(IReadOnlyList<CatalogBook> Bought, IReadOnlyList<CatalogBook> Cart)> ReadHistoryAsync(CatalogIndex catalog, string userId, int ordersRead)
    {
        try
        {
            var cart = GrainFactory.GetGrain<ICartGrain>(userId).GetAsync();
            var page = await GrainFactory.GetGrain<IUserOrdersGrain>(userId).ListAsync(0, ordersRead);
            var bought = page.Orders
                .Where(o => Bought.Contains(o.Status))
                .OrderByDescending(o => o.CreatedAt)
                .SelectMany(o => o.Items.Select(i => i.Sku));
            return (Books(catalog, bought), Books(catalog, (await cart).Items.Select(i => i.ProductId)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSourceUnavailable(ex, "user history");
            return ([], []);
        }
    }

    private static List<CatalogBook> Books(CatalogIndex catalog, IEnumerable<string> idsOrSkus) =>
        [.. idsOrSkus.Select(catalog.Find).OfType<CatalogBook>().DistinctBy(b => b.Id)];

    private static HashSet<string> Skus(IEnumerable<CatalogBook> books) => books.Select(b => b.Sku).ToHashSet(StringComparer.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recommendations answered without the {Source}, which could not be read")]
    private partial void LogSourceUnavailable(Exception ex, string source);
}
