using System.Collections.Immutable;

namespace K8Shop.Contracts.Inventory;

/// <summary>
/// How busy each SKU has been lately (key: 0, one per cluster): every active SKU grain reports its request counts
/// about once a second, and admins read the busiest. A live view, kept in memory: after a restart it fills again
/// within a second of traffic.
/// </summary>
public interface IInventoryActivityGrain : IGrainWithIntegerKey
{
    /// <summary>Adds one SKU's counts since its last report, with its stock at the time.</summary>
    [Orleans.Concurrency.OneWay]
    Task ReportAsync(SkuActivity activity);

    /// <summary>The SKUs with the most requests in the recent window, busiest first.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<HotSkuList> TopAsync(int limit);
}

/// <summary>One SKU's requests (reserve, commit, release) since its previous report, and its stock after them.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.inventory.SkuActivity")]
public sealed record SkuActivity(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Requests,
    [property: Id(2)] int Rejected,
    [property: Id(3)] int Available,
    [property: Id(4)] int Reserved,
    [property: Id(5)] bool LowStock,
    [property: Id(6)] DateTimeOffset At);

/// <summary>A SKU's activity over the window: requests, out-of-stock refusals, and its latest stock.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.inventory.HotSku")]
public sealed record HotSku(
    [property: Id(0)] string Sku,
    [property: Id(1)] long Requests,
    [property: Id(2)] long Rejected,
    [property: Id(3)] int Available,
    [property: Id(4)] int Reserved,
    [property: Id(5)] bool LowStock,
    [property: Id(6)] DateTimeOffset LastSeen);

[GenerateSerializer, Immutable, Alias("k8shop.inventory.HotSkuList")]
public sealed record HotSkuList(
    [property: Id(0)] TimeSpan Window,
    [property: Id(1)] ImmutableArray<HotSku> Skus);
