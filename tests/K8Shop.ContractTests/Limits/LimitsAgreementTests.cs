using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using K8Shop.Contracts.Cart;
using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Rules;
using K8Shop.ContractTests.Hosts;
using Microsoft.Extensions.DependencyInjection;

namespace K8Shop.ContractTests.Limits;

/// <summary>
/// The gateway and the grains enforce the same limits: for each limit of <see cref="ShopLimits"/>, the limit itself passes
/// both the gateway and a direct grain call, and one past it is refused by both, naming the field. The gateway refuses at
/// the edge, on its own (no grain rule behind the 422: such a problem carries the grain's <c>error</c> key), so a gateway
/// check wider than the grain's, or a grain check tighter or wider than the gateway's, fails here.
/// </summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class LimitsAgreementTests(CatalogHosts hosts)
{
    private delegate Task<(HttpStatusCode Status, JsonElement Json)> ThroughGateway(Fixture fixture, long value);

    private delegate Task ToGrain(Fixture fixture, long value);

    private sealed record Limit(long Value, string GatewayField, ThroughGateway Gateway, string GrainField, ToGrain Grain, bool NeedsManySkus = false);

    private sealed record Fixture(CatalogHosts Hosts, IGrainFactory Grains, string Sku, ImmutableArray<string> Skus);

    private static readonly Dictionary<string, Limit> Limits = new()
    {
        ["cart quantity per line"] = new(ShopLimits.Cart.MaxQuantityPerLine,
            "quantity", (f, v) => Send(f, HttpMethod.Post, $"/cart/{User()}/items", new { productId = f.Sku, quantity = v, price = 1 }),
            "quantity", (f, v) => f.Grains.GetGrain<ICartGrain>(User()).AddItemAsync(f.Sku, (int)v)),
        ["order quantity per line"] = new(ShopLimits.Orders.MaxQuantityPerLine,
            "items[0].qty", (f, v) => Send(f, HttpMethod.Post, "/orders", new { userId = User(), items = new[] { new { sku = f.Sku, qty = v } } }),
            "items[0].qty", (f, v) => Place(f, [new OrderLineRequest(f.Sku, (int)v)])),
        ["distinct SKUs per order"] = new(ShopLimits.Orders.MaxLines,
            "items", (f, v) => Send(f, HttpMethod.Post, "/orders", new { userId = User(), items = f.Skus.Take((int)v).Select(sku => new { sku, qty = 1 }) }),
            "items", (f, v) => Place(f, [.. f.Skus.Take((int)v).Select(sku => new OrderLineRequest(sku, 1))]), NeedsManySkus: true),
        ["shipping field length"] = new(ShopLimits.Shipping.MaxFieldLength,
            "shipping.city", (f, v) => Send(f, HttpMethod.Post, "/orders", new { userId = User(), items = new[] { new { sku = f.Sku, qty = 1 } }, shipping = Shipping(new string('c', (int)v)) }),
            "shipping.city", (f, v) => Place(f, [new OrderLineRequest(f.Sku, 1)], new ShippingAddress("Ana", "1 Main St", new string('c', (int)v), "28001", "Spain"))),
        ["apply quantity per SKU"] = new(ShopLimits.Inventory.MaxQuantity,
            "items[0].qty", (f, v) => Send(f, HttpMethod.Post, "/inventory/apply", new { order_id = Order(), items = new[] { new { sku = f.Sku, qty = v } } }),
            "qty", (f, v) => f.Grains.GetGrain<IInventoryApplyGrain>(0).ApplyAsync(Order(), [new StockLine(f.Sku, (int)v)])),
        ["SKUs per apply"] = new(ShopLimits.Inventory.MaxSkusPerApply,
            "items", (f, v) => Send(f, HttpMethod.Post, "/inventory/apply", new { order_id = Order(), items = f.Skus.Take((int)v).Select(sku => new { sku, qty = 1 }) }),
            "items", (f, v) => f.Grains.GetGrain<IInventoryApplyGrain>(0).ApplyAsync(Order(), [.. f.Skus.Take((int)v).Select(sku => new StockLine(sku, 1))]), NeedsManySkus: true),
        ["reservation quantity"] = new(ShopLimits.Inventory.MaxQuantity,
            "qty", (f, v) => Send(f, HttpMethod.Post, $"/inventory/{f.Sku}/reserve", new { order_id = Order(), qty = v }),
            "qty", (f, v) => f.Grains.GetGrain<IInventorySkuGrain>(f.Sku).ReserveAsync(Order(), (int)v, TimeSpan.FromMinutes(1))),
        ["reservation lifetime"] = new(ShopLimits.Inventory.MaxReservationSeconds,
            "ttl_seconds", (f, v) => Send(f, HttpMethod.Post, $"/inventory/{f.Sku}/reserve", new { order_id = Order(), qty = 1, ttl_seconds = v }),
            "ttl_seconds", (f, v) => f.Grains.GetGrain<IInventorySkuGrain>(f.Sku).ReserveAsync(Order(), 1, TimeSpan.FromSeconds(v))),
        ["stock of a SKU"] = new(ShopLimits.Inventory.MaxStock,
            "stock", (f, v) => Send(f, HttpMethod.Put, $"/inventory/{f.Sku}", new { stock = v }, admin: true),
            "stock", (f, v) => f.Grains.GetGrain<IInventorySkuGrain>(f.Sku).SetStockAsync((int)v)),
    };

    public static TheoryData<string> Names => new(Limits.Keys);

    [Theory, MemberData(nameof(Names))]
    public async Task Limit_PassesGatewayAndGrainAtItsValue_AndBothRefuseOnePast(string name)
    {
        var limit = Limits[name];
        var fixture = await NewFixtureAsync(limit.NeedsManySkus);

        var (atStatus, atJson) = await limit.Gateway(fixture, limit.Value);
        var (pastStatus, pastJson) = await limit.Gateway(fixture, limit.Value + 1);
        var grainAt = await Record(() => limit.Grain(fixture, limit.Value));
        var grainPast = await Record(() => limit.Grain(fixture, limit.Value + 1));

        Assert.True(atStatus == HttpStatusCode.OK, $"{name} = {limit.Value} through the gateway: {(int)atStatus} {atJson}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, pastStatus);
        Assert.True(pastJson.GetProperty("errors").TryGetProperty(limit.GatewayField, out _), $"{name} + 1 through the gateway: {pastJson}");
        Assert.False(pastJson.TryGetProperty("error", out _), $"{name} + 1 was refused by a grain, not at the edge: {pastJson}");
        Assert.Null(grainAt);
        Assert.Equal(limit.GrainField, Assert.IsAssignableFrom<FieldRuleException>(grainPast).Field);
    }

    /// <summary>A product with stock for an order line at its limit twice over; for the width limits, one SKU more than an order may name.</summary>
    private async Task<Fixture> NewFixtureAsync(bool manySkus)
    {
        var host = await hosts.GetAsync(CatalogHosts.Embedded);
        var sku = await hosts.CreateProductAsync(CatalogHosts.Embedded, 4 * ShopLimits.Orders.MaxQuantityPerLine, prefix: "LIM");
        var skus = manySkus
            ? await Task.WhenAll(Enumerable.Range(0, ShopLimits.Orders.MaxLines + 1).Select(_ => hosts.CreateProductAsync(CatalogHosts.Embedded, 10, prefix: "LIMW")))
            : [];
        return new Fixture(hosts, host.Services.GetRequiredService<IGrainFactory>(), sku, [.. skus]);
    }

    private static async Task<(HttpStatusCode, JsonElement)> Send(Fixture fixture, HttpMethod method, string path, object body, bool admin = false)
    {
        var (status, _, json) = await fixture.Hosts.SendAsync(CatalogHosts.Embedded, method, path, body, admin);
        return (status, json);
    }

    private static Task Place(Fixture fixture, ImmutableArray<OrderLineRequest> lines, ShippingAddress? shipping = null) =>
        fixture.Grains.GetGrain<IOrderGrain>(Order()).PlaceAsync(new PlaceOrder(User(), lines, false, null, Guid.NewGuid().ToString("N"), shipping));

    private static object Shipping(string city) => new { name = "Ana", address = "1 Main St", city, postalCode = "28001", country = "Spain" };

    private static async Task<Exception?> Record(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static string User() => $"limits-{Guid.NewGuid():N}";

    private static string Order() => $"limits-{Guid.NewGuid():N}";
}
