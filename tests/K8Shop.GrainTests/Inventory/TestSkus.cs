using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Inventory;

namespace K8Shop.GrainTests.Inventory;

/// <summary>Inventory grains are keyed by SKU and only exist for catalog SKUs: every test adds its own product.</summary>
internal static class TestSkus
{
    /// <summary>The reservation time to live the tests use when expiry is not what they check.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    public static string NewOrder() => $"order-{Guid.NewGuid():N}";

    /// <summary>Adds a product with a unique lower-case SKU and the given stock; returns its inventory key (upper case).</summary>
    public static async Task<string> CreateAsync(IGrainFactory grains, int stock)
    {
        var sku = $"t-{Guid.NewGuid():N}"[..18];
        await grains.GetGrain<ICatalogGrain>(0).CreateAsync(new ProductDraft(sku, "Inventory test book", null, 10m, null, [], stock, null, null, null));
        return InventoryKey.For(sku);
    }

    public static async Task<(string Sku, IInventorySkuGrain Grain)> CreateGrainAsync(IGrainFactory grains, int stock)
    {
        var sku = await CreateAsync(grains, stock);
        return (sku, grains.GetGrain<IInventorySkuGrain>(sku));
    }

    public static (int OnHand, int Reserved, long Committed, int Available) Counters(InventoryView view) =>
        (view.OnHand, view.Reserved, view.Committed, view.Available);
}
