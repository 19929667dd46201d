using System.Net;
using System.Text.Json;
using K8Shop.ContractTests.Hosts;
using static K8Shop.ContractTests.Hosts.HostRequests;

namespace K8Shop.ContractTests.Inventory;

/// <summary>The inventory contract: the original apply, and the routes its documentation promised, on both profiles.</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class InventoryContractTests(CatalogHosts hosts)
{
    public static TheoryData<string> Hosts => CatalogHosts.All;

    [Theory, MemberData(nameof(Hosts))]
    public async Task GetStock_NewProduct_AnswersEveryFieldInSnakeCase(string host)
    {
        var sku = await NewProduct(host, stock: 12);

        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Get, $"/inventory/{sku.ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["sku", "on_hand", "reserved", "available", "committed", "low_stock_threshold", "low_stock", "updated_at"], Keys(json));
        Assert.Equal((sku, 12, 0, 12, 0), (json.GetProperty("sku").GetString(), json.GetProperty("on_hand").GetInt32(),
            json.GetProperty("reserved").GetInt32(), json.GetProperty("available").GetInt32(), json.GetProperty("committed").GetInt32()));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task ReserveCommitRelease_AnswerInSnakeCaseAndMoveTheCounters(string host)
    {
        var sku = await NewProduct(host, stock: 10);

        var (reserveStatus, _, reserved) = await hosts.SendAsync(host, HttpMethod.Post, $"/inventory/{sku}/reserve", new { order_id = "o-1", qty = 3 });
        var (_, _, again) = await hosts.SendAsync(host, HttpMethod.Post, $"/inventory/{sku}/reserve", new { order_id = "o-1", qty = 3 });
        await hosts.SendAsync(host, HttpMethod.Post, $"/inventory/{sku}/reserve", new { order_id = "o-2", qty = 2 });
        var (_, _, committed) = await hosts.SendAsync(host, HttpMethod.Post, $"/inventory/{sku}/commit", new { order_id = "o-1" });
        var (_, _, released) = await hosts.SendAsync(host, HttpMethod.Post, $"/inventory/{sku}/release", new { order_id = "o-2" });
        var (_, _, releasedAgain) = await hosts.SendAsync(host, HttpMethod.Post, $"/inventory/{sku}/release", new { order_id = "o-2" });
        var (_, _, stock) = await hosts.SendAsync(host, HttpMethod.Get, $"/inventory/{sku}");
        var catalog = JsonDocument.Parse(await (await hosts.GetAsync(host)).CreateClient().GetStringAsync($"/catalog/{sku}")).RootElement;

        Assert.Equal(HttpStatusCode.OK, reserveStatus);
        Assert.Equal(["order_id", "sku", "qty", "status", "expires_at", "available"], Keys(reserved));
        Assert.Equal(("reserved", 3, 7), (reserved.GetProperty("status").GetString(), reserved.GetProperty("qty").GetInt32(), reserved.GetProperty("available").GetInt32()));
        Assert.Equal(("reserved", 7), (again.GetProperty("status").GetString(), again.GetProperty("available").GetInt32()));
        Assert.Equal(["order_id", "sku", "status", "qty"], Keys(committed));
        Assert.Equal(("committed", 3), (committed.GetProperty("status").GetString(), committed.GetProperty("qty").GetInt32()));
        Assert.Equal("released", released.GetProperty("status").GetString());
        Assert.Equal("not_reserved", releasedAgain.GetProperty("status").GetString());
        Assert.Equal((7, 0, 7, 3), (stock.GetProperty("on_hand").GetInt32(), stock.GetProperty("reserved").GetInt32(), stock.GetProperty("available").GetInt32(), stock.GetProperty("committed").GetInt32()));
        Assert.Equal(7, catalog.GetProperty("stock").GetInt32());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Reserve_MoreThanAvailable_Is200RejectedOutOfStockAndTakesNothing(string host)
    {
        var sku = await NewProduct(host, stock: 2);

        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Post, $"/inventory/{sku}/reserve", new { order_id = "big", qty = 3 });
        var (_, _, stock) = await hosts.SendAsync(host, HttpMethod.Get, $"/inventory/{sku}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("rejected", "out_of_stock", 2), (json.GetProperty("status").GetString(), json.GetProperty("reason").GetString(), json.GetProperty("available").GetInt32()));
        Assert.Equal(2, stock.GetProperty("available").GetInt32());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Apply_AllLinesInStock_IsInventoryUpdatedAndTakesTheSummedQuantities(string host)
    {
        var (a, b) = (await NewProduct(host, stock: 5), await NewProduct(host, stock: 5));

        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Post, "/inventory/apply",
            new { order_id = "apply-1", items = new object[] { new { sku = a, qty = 1 }, new { sku = a.ToLowerInvariant(), qty = 2 }, new { sku = b, qty = 1 }, new { sku = b, qty = 0 } } });
        var (_, _, again) = await hosts.SendAsync(host, HttpMethod.Post, "/inventory/apply", new { order_id = "apply-1", items = new[] { new { sku = a, qty = 3 }, new { sku = b, qty = 1 } } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"order_id":"apply-1","status":"inventory.updated"}""", json.GetRawText());
        Assert.Equal("inventory.updated", again.GetProperty("status").GetString());
        Assert.Equal(2, await Available(host, a));
        Assert.Equal(4, await Available(host, b));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Apply_OneLineShort_Is200InventoryFailedAndTakesNothingAnywhere(string host)
    {
        var (a, b) = (await NewProduct(host, stock: 5), await NewProduct(host, stock: 1));

        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Post, "/inventory/apply", new { order_id = "apply-2", items = new[] { new { sku = a, qty = 2 }, new { sku = b, qty = 2 } } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("inventory.failed", "out_of_stock"), (json.GetProperty("status").GetString(), json.GetProperty("reason").GetString()));
        Assert.Equal([b], json.GetProperty("skus").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal((5, 1), (await Available(host, a), await Available(host, b)));
    }

    [Theory]
    [InlineData("""{"order_id":"x","items":[{"sku":"SKU","qty":0}]}""", HttpStatusCode.BadRequest, null)]
    [InlineData("""{"order_id":"x","items":[{"sku":"SKU","qty":-4}]}""", HttpStatusCode.BadRequest, null)]
    [InlineData("""{"order_id":"x","items":[{"sku":"SKU","qty":10000001}]}""", HttpStatusCode.UnprocessableEntity, "items[0].qty")]
    [InlineData("""{"order_id":"x","items":[{"sku":"SKU","qty":6000000},{"sku":"SKU","qty":4000001}]}""", HttpStatusCode.UnprocessableEntity, "items[SKU].qty")]
    [InlineData("""{"order_id":"x","items":[{"sku":"SKU","qty":1.5}]}""", HttpStatusCode.UnprocessableEntity, "items[0].qty")]
    [InlineData("""{"items":[{"sku":"SKU","qty":1}]}""", HttpStatusCode.UnprocessableEntity, "order_id")]
    [InlineData("""{"order_id":"x","items":[{"sku":"no such sku!","qty":1}]}""", HttpStatusCode.UnprocessableEntity, "items[0].sku")]
    public async Task Apply_BadInput_Is4xxWithTheReasonAndChangesNothing(string body, HttpStatusCode expected, string? field)
    {
        var sku = await NewProduct(CatalogHosts.Embedded, stock: 9);

        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, "/inventory/apply", body.Replace("\"SKU\"", $"\"{sku}\"", StringComparison.Ordinal));

        Assert.Equal(expected, status);
        if (field is null)
            Assert.Equal("items required", json.GetProperty("detail").GetString());
        else
            Assert.True(json.GetProperty("errors").TryGetProperty(field.Replace("SKU", sku, StringComparison.Ordinal), out _), json.ToString());
        Assert.Equal(9, await Available(CatalogHosts.Embedded, sku));
    }

    [Theory]
    [InlineData(1_001)]
    [InlineData(10_000_000)]
    public async Task Apply_LargeQuantityNoMoreThanAnyStockHolds_Is200InventoryFailedOutOfStockAndTakesNothing(int qty)
    {
        var (a, b) = (await NewProduct(CatalogHosts.Embedded, stock: 1_000), await NewProduct(CatalogHosts.Embedded, stock: 3));

        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, "/inventory/apply",
            new { order_id = $"large-{Guid.NewGuid():N}", items = new[] { new { sku = a, qty }, new { sku = b, qty = 1 } } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("inventory.failed", "out_of_stock"), (json.GetProperty("status").GetString(), json.GetProperty("reason").GetString()));
        Assert.Equal([a], json.GetProperty("skus").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal((1_000, 3), (await Available(CatalogHosts.Embedded, a), await Available(CatalogHosts.Embedded, b)));
    }

    [Fact]
    public async Task Apply_MoreThan25Skus_Is422NamingItems()
    {
        var items = Enumerable.Range(1, 26).Select(i => new { sku = $"BOOK-{i:000}", qty = 1 }).ToArray();

        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, "/inventory/apply", new { order_id = "wide", items });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("at most 25", json.GetProperty("errors").GetProperty("items")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"order_id":"r","qty":0}""", "qty")]
    [InlineData("""{"order_id":"r","qty":-1}""", "qty")]
    [InlineData("""{"order_id":"r","qty":10000001}""", "qty")]
    [InlineData("""{"qty":1}""", "order_id")]
    [InlineData("""{"order_id":"r","qty":1,"ttl_seconds":0}""", "ttl_seconds")]
    public async Task Reserve_BadInput_Is422NamingTheFieldAndChangesNothing(string body, string field)
    {
        var sku = await NewProduct(CatalogHosts.Embedded, stock: 4);

        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, $"/inventory/{sku}/reserve", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), json.ToString());
        Assert.Equal(4, await Available(CatalogHosts.Embedded, sku));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Reserve_UnknownSku_Is404WithTheReason(string host)
    {
        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Post, "/inventory/NO-SUCH-BOOK/reserve", new { order_id = "u", qty = 1 });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("not a SKU in the catalog", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task SetStock_AdminOnlyAndNeverBelowReserved(string host)
    {
        var sku = await NewProduct(host, stock: 5);
        await hosts.SendAsync(host, HttpMethod.Post, $"/inventory/{sku}/reserve", new { order_id = "held", qty = 4 });

        var (anonymous, _, _) = await hosts.SendAsync(host, HttpMethod.Put, $"/inventory/{sku}", new { stock = 50 });
        var (below, _, belowJson) = await hosts.SendAsync(host, HttpMethod.Put, $"/inventory/{sku}", new { stock = 3 }, admin: true);
        var (ok, _, json) = await hosts.SendAsync(host, HttpMethod.Put, $"/inventory/{sku}", new { stock = 50, low_stock_threshold = 2 }, admin: true);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, below);
        Assert.True(belowJson.GetProperty("errors").TryGetProperty("stock", out _));
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal((50, 4, 46, 2), (json.GetProperty("on_hand").GetInt32(), json.GetProperty("reserved").GetInt32(), json.GetProperty("available").GetInt32(), json.GetProperty("low_stock_threshold").GetInt32()));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task EdgeRoutesAndHealth_UnderApiInventory_AnswerAsNginxMapped(string host)
    {
        var sku = await NewProduct(host, stock: 3);

        var (_, _, viaEdge) = await hosts.SendAsync(host, HttpMethod.Post, $"/api/inventory/{sku}/reserve", new { order_id = "edge", qty = 1 });
        var (_, _, applied) = await hosts.SendAsync(host, HttpMethod.Post, "/api/inventory/apply", new { order_id = "edge-apply", items = new[] { new { sku, qty = 1 } } });
        var (healthStatus, _, health) = await hosts.SendAsync(host, HttpMethod.Get, "/api/inventory/healthz");

        Assert.Equal("reserved", viaEdge.GetProperty("status").GetString());
        Assert.Equal("inventory.updated", applied.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, healthStatus);
        Assert.Equal(host == CatalogHosts.Cluster ? "dynamodb" : "memory", health.GetProperty("backend").GetString());
        Assert.Equal(1, await Available(host, sku));
    }

    private Task<string> NewProduct(string host, int stock) => hosts.CreateProductAsync(host, stock, prefix: "INV");

    private async Task<int> Available(string host, string sku) =>
        (await hosts.SendAsync(host, HttpMethod.Get, $"/inventory/{sku}")).Json.GetProperty("available").GetInt32();
}
