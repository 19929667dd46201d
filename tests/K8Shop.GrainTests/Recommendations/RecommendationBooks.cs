using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Recommendations;
using Orleans.Runtime;

namespace K8Shop.GrainTests.Recommendations;

/// <summary>Books of a test's own (unique SKUs and tags), order events published as the order grains would, and waiting for the ranking.</summary>
internal static class RecommendationBooks
{
    public static string NewTag() => $"t-{Guid.NewGuid():N}"[..14];

    public static async Task<Product> BookAsync(IGrainFactory grains, string[] tags, string? author = null, int stock = 50)
    {
        var sku = $"R-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        return await grains.GetGrain<ICatalogGrain>(0).CreateAsync(
            new ProductDraft(sku, $"Recommendation test {sku}", null, 10m, null, [.. tags], stock, author, null, null));
    }

    public static OrderEvent OrderEvent(string name, string orderId, params (string Sku, int Qty)[] lines) => new()
    {
        MessageId = IntegrationEvent.StableMessageId(orderId, "orders." + name.Replace("order.", "order_", StringComparison.Ordinal)),
        CorrelationId = orderId,
        OccurredAt = DateTimeOffset.UtcNow,
        Event = name,
        OrderId = orderId,
        UserId = "someone",
        Status = name["order.".Length..],
        Items = [.. lines.Select(l => new OrderEventLine(l.Sku, l.Qty, 10m, 10m * l.Qty, null))],
        Total = lines.Sum(l => 10m * l.Qty),
        ItemCount = lines.Sum(l => l.Qty),
        CreatedAt = DateTimeOffset.UtcNow.ToString("O"),
    };

    /// <summary>Publishes on the "orders" stream keyed by the order id, as one stream per order would.</summary>
    public static Task PublishAsync(IClusterClient client, IntegrationEvent e, string streamKey) =>
        client.GetStreamProvider(ClusterFixture.StreamProvider)
            .GetStream<IntegrationEvent>(StreamId.Create(e.StreamNamespace, streamKey))
            .OnNextAsync(e);

    public static async Task<long> UnitsAsync(IGrainFactory grains, string sku) =>
        (await grains.GetGrain<IPopularityGrain>(0).GetRankingAsync()).Skus.FirstOrDefault(s => s.Sku == sku.ToUpperInvariant())?.Units ?? 0;

    public static async Task<long> TopUnitsAsync(IGrainFactory grains) =>
        (await grains.GetGrain<IPopularityGrain>(0).GetRankingAsync()).Skus.Select(s => s.Units).DefaultIfEmpty(0).Max();

    /// <summary>Waits until the ranking shows <paramref name="units"/> for the SKU (events are delivered asynchronously).</summary>
    public static async Task WaitForUnitsAsync(IGrainFactory grains, string sku, long units)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await UnitsAsync(grains, sku) != units)
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"{sku} never reached {units} units sold (it has {await UnitsAsync(grains, sku)})");
            await Task.Delay(50);
        }
    }

    public static Task<RecommendationResult> RecommendAsync(IGrainFactory grains, string? strategy, int limit, string? productId = null, string? userId = null) =>
        grains.GetGrain<IRecommendationGrain>(0).RecommendAsync(new RecommendationRequest(productId, userId, strategy, limit));

    public static string[] Skus(RecommendationResult result) => [.. result.Items.Select(i => i.Sku)];
}
