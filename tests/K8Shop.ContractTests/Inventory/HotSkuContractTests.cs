using System.Net;
using System.Text.Json;
using K8Shop.ContractTests.Hosts;
using static K8Shop.ContractTests.Hosts.HostRequests;

namespace K8Shop.ContractTests.Inventory;

/// <summary>GET /hot-skus: the busiest SKUs of the recent window, for the admin's hot-SKU view.</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class HotSkuContractTests(CatalogHosts hosts)
{
    [Fact]
    public async Task HotSkus_AfterTraffic_ListsTheBusiestSkuFirstWithItsStockInSnakeCase()
    {
        var busy = await hosts.CreateProductAsync(CatalogHosts.Embedded, stock: 100, prefix: "HOT");
        var quiet = await hosts.CreateProductAsync(CatalogHosts.Embedded, stock: 100, prefix: "HOT");
        for (var i = 0; i < 12; i++)
            await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, $"/inventory/{busy}/reserve", new { order_id = $"hot-{i}", qty = 1 });
        await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, $"/inventory/{quiet}/reserve", new { order_id = "quiet", qty = 1 });

        // Each SKU reports its count about once a second, so the window fills within a few seconds.
        var listed = await PollAsync(json => Skus(json).Any(s => s.GetProperty("sku").GetString() == busy && s.GetProperty("requests").GetInt32() == 12)
            && Skus(json).Any(s => s.GetProperty("sku").GetString() == quiet));

        Assert.Equal(["window_seconds", "skus"], Keys(listed));
        var skus = Skus(listed).ToList();
        var hot = skus.Single(s => s.GetProperty("sku").GetString() == busy);
        Assert.Equal(["sku", "requests", "requests_per_second", "rejected", "available", "reserved", "low_stock", "last_seen"], Keys(hot));
        Assert.Equal((12, 0, 88, 12, false), (hot.GetProperty("requests").GetInt32(), hot.GetProperty("rejected").GetInt32(),
            hot.GetProperty("available").GetInt32(), hot.GetProperty("reserved").GetInt32(), hot.GetProperty("low_stock").GetBoolean()));
        Assert.True(skus.FindIndex(s => s.GetProperty("sku").GetString() == busy) < skus.FindIndex(s => s.GetProperty("sku").GetString() == quiet));
    }

    [Fact]
    public async Task HotSkus_CountsOutOfStockRefusals()
    {
        var sku = await hosts.CreateProductAsync(CatalogHosts.Embedded, stock: 1, prefix: "HOT");
        await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, $"/inventory/{sku}/reserve", new { order_id = "first", qty = 1 });
        await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, $"/inventory/{sku}/reserve", new { order_id = "second", qty = 1 });

        var listed = await PollAsync(json => Skus(json).Any(s => s.GetProperty("sku").GetString() == sku && s.GetProperty("requests").GetInt32() == 2));

        var row = Skus(listed).Single(s => s.GetProperty("sku").GetString() == sku);
        Assert.Equal((1, 0, true), (row.GetProperty("rejected").GetInt32(), row.GetProperty("available").GetInt32(), row.GetProperty("low_stock").GetBoolean()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    [InlineData("ten")]
    public async Task HotSkus_LimitOutOfRange_Is422NamingLimit(string limit)
    {
        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, $"/hot-skus?limit={limit}", admin: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.True(json.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task HotSkus_WithoutAnAdminToken_Is401()
    {
        var (status, _, _) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, "/hot-skus");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private static IEnumerable<JsonElement> Skus(JsonElement json) => json.GetProperty("skus").EnumerateArray();

    private async Task<JsonElement> PollAsync(Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, "/hot-skus?limit=50", admin: true);
            Assert.Equal(HttpStatusCode.OK, status);
            if (done(json) || DateTime.UtcNow > deadline)
                return json;
            await Task.Delay(200);
        }
    }
}
