using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Orders;

namespace K8Shop.GrainTests.Orders;

/// <summary>Orders for tests: books of their own (unique SKUs with known stock and price) and commands to place.</summary>
internal static class Checkout
{
    public static string NewOrderId() => OrderIds.New();

    public static string NewUser() => $"user-{Guid.NewGuid():N}"[..20];

    /// <summary>Adds a book with a unique SKU; returns its inventory key.</summary>
    public static async Task<string> BookAsync(IGrainFactory grains, int stock, decimal price = 12.5m)
    {
        var sku = $"o-{Guid.NewGuid():N}"[..18];
        await grains.GetGrain<ICatalogGrain>(0).CreateAsync(new ProductDraft(sku, "Order test book", null, price, null, [], stock, null, null, null));
        return InventoryKey.For(sku);
    }

    public static PlaceOrder Command(string userId, string? token, params (string Sku, int Qty)[] lines) =>
        new(userId, [.. lines.Select(l => new OrderLineRequest(l.Sku, l.Qty))], false, token, $"{userId}|{token}|{string.Join(",", lines)}");

    public static PlaceOrder FromCart(string userId) => new(userId, ImmutableArray<OrderLineRequest>.Empty, true, null, $"{userId}|cart");

    public static async Task<(int OnHand, int Reserved, long Committed)> StockAsync(IGrainFactory grains, string sku)
    {
        var view = await grains.GetGrain<IInventorySkuGrain>(sku).GetAsync();
        return (view.OnHand, view.Reserved, view.Committed);
    }

    public static OrderStatus[] Path(OrderView order) => [.. order.Timeline.Select(t => t.Status)];
}
