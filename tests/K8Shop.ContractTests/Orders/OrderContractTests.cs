using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using K8Shop.ContractTests.Hosts;
using static K8Shop.ContractTests.Hosts.HostRequests;

namespace K8Shop.ContractTests.Orders;

/// <summary>The order contract: the original POST /orders field by field, and the routes its documentation promised, on both profiles.</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed partial class OrderContractTests(CatalogHosts hosts)
{
    public static TheoryData<string> Hosts => CatalogHosts.All;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")]
    private static partial Regex IsoMicros();

    [Theory, MemberData(nameof(Hosts))]
    public async Task GetByKey_FindsTheOrderPlacedUnderAnIdempotencyKey(string host)
    {
        var sku = await hosts.CreateProductAsync(host, 5, 12m, "KEY");
        var key = $"storefront-{Guid.NewGuid():N}";
        var (_, _, placed) = await hosts.SendAsync(host, HttpMethod.Post, "/orders", new { userId = "key-user", items = new[] { new { sku, qty = 1 } } }, idempotencyKey: key);

        var (status, _, found) = await hosts.SendAsync(host, HttpMethod.Get, $"/orders/by-key?key={Uri.EscapeDataString(key)}");
        var (unknownStatus, _, unknown) = await hosts.SendAsync(host, HttpMethod.Get, $"/orders/by-key?key=never-used-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(placed.GetProperty("orderId").GetString(), found.GetProperty("orderId").GetString());
        Assert.Equal("confirmed", found.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.Contains("no order", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task PlaceOrder_WithAShippingAddress_KeepsItWithTheOrder(string host)
    {
        var sku = await hosts.CreateProductAsync(host, 5, 12m, "SHIP");
        var shipping = new { name = "Ana Tester", address = "1 Test Street", city = "Madrid", postalCode = "28001", country = "Spain" };

        var (_, _, placed) = await hosts.SendAsync(host, HttpMethod.Post, "/orders", new { userId = "ship-user", items = new[] { new { sku, qty = 1 } }, shipping });
        var (_, _, read) = await hosts.SendAsync(host, HttpMethod.Get, $"/orders/{placed.GetProperty("orderId").GetString()}");

        Assert.Equal("shipping", Keys(placed)[^1]);
        Assert.Equal(["name", "address", "city", "postalCode", "country"], Keys(read.GetProperty("shipping")));
        Assert.Equal(("Madrid", "28001"), (read.GetProperty("shipping").GetProperty("city").GetString(), read.GetProperty("shipping").GetProperty("postalCode").GetString()));
    }

    [Fact]
    public async Task PlaceOrder_WithAnIncompleteShippingAddress_Is422NamingTheFieldAndPlacesNothing()
    {
        var sku = await hosts.CreateProductAsync(CatalogHosts.Embedded, 5, 12m, "SHIP");

        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, "/orders",
            new { userId = "ship-user-2", items = new[] { new { sku, qty = 1 } }, shipping = new { name = "Ana", address = "1 St", city = " ", postalCode = "28001", country = "Spain" } });
        var (_, _, orders) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, "/orders/user/ship-user-2");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["shipping.city"], Keys(json.GetProperty("errors")));
        Assert.Equal(0, orders.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/orders/by-key")]
    [InlineData("/orders/by-key?key=")]
    [InlineData("/orders/by-key?key=%C3%A9t%C3%A9")]
    public async Task GetByKey_WithoutAPrintableAsciiKey_Is422NamingKey(string path)
    {
        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.True(json.GetProperty("errors").TryGetProperty("key", out _));
    }

    [Theory]
    [InlineData("GET", "/orders/%20")]
    [InlineData("GET", "/api/orders/%20%20")]
    [InlineData("POST", "/orders/%20/cancel")]
    [InlineData("GET", "/orders/LONG")]
    public async Task Routes_BlankOrOversizedOrderId_Is422NamingIt(string method, string path)
    {
        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, new HttpMethod(method), path.Replace("LONG", new string('x', 129)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["orderId"], json.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task PlaceOrder_AnswersTheOriginalFieldsInOrderWithTheRealStatus(string host)
    {
        var (a, b) = (await hosts.CreateProductAsync(host, 10, 44.95m, "ORD"), await hosts.CreateProductAsync(host, 10, 21m, "ORD"));

        var (status, raw, json) = await hosts.SendAsync(host, HttpMethod.Post, "/orders",
            new { userId = "demo-user", items = new object[] { new { sku = a, qty = 2, price = 1.0 }, new { sku = b.ToLowerInvariant(), qty = 1, price = 21.0 } } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["orderId", "status", "total", "itemCount", "items", "createdAt", "payment", "paymentStatus"], Keys(json).Take(8));
        Assert.True(Guid.TryParse(json.GetProperty("orderId").GetString(), out _));
        Assert.Equal(("confirmed", "payment.succeeded", 3), (json.GetProperty("status").GetString(), json.GetProperty("paymentStatus").GetString(), json.GetProperty("itemCount").GetInt32()));
        Assert.Contains("\"total\":110.9,", raw, StringComparison.Ordinal);
        Assert.Matches(IsoMicros(), json.GetProperty("createdAt").GetString());
        var item = json.GetProperty("items")[0];
        Assert.Equal(["sku", "quantity", "price", "total", "title"], Keys(item));
        Assert.Equal((a, 2, 44.95m, 89.9m), (item.GetProperty("sku").GetString(), item.GetProperty("quantity").GetInt32(), item.GetProperty("price").GetDecimal(), item.GetProperty("total").GetDecimal()));
        var payment = json.GetProperty("payment");
        Assert.Equal(["order_id", "status", "payment_id", "reference"], Keys(payment));
        Assert.Equal(json.GetProperty("orderId").GetString(), payment.GetProperty("order_id").GetString());
        Assert.Equal(["pending", "reserved", "paid", "confirmed"], json.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("status").GetString()));
        Assert.Equal((8, 9), (await Available(host, a), await Available(host, b)));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task PlaceOrder_DeclinedCardOrNoStock_Is200WithTheOutcomeAndHoldsNothing(string host)
    {
        var sku = await hosts.CreateProductAsync(host, 2, prefix: "ORD");

        var (declinedStatus, _, declined) = await hosts.SendAsync(host, HttpMethod.Post, "/orders",
            new { userId = "u-1", items = new[] { new { sku, qty = 1 } }, paymentToken = "tok_decline" });
        var (_, _, rejected) = await hosts.SendAsync(host, HttpMethod.Post, "/orders", new { userId = "u-1", items = new[] { new { sku, qty = 3 } } });

        Assert.Equal(HttpStatusCode.OK, declinedStatus);
        Assert.Equal(("payment_failed", "payment.failed", "card_declined"),
            (declined.GetProperty("status").GetString(), declined.GetProperty("paymentStatus").GetString(), declined.GetProperty("reason").GetString()));
        Assert.Equal(("rejected", "payment.skipped", "out_of_stock"),
            (rejected.GetProperty("status").GetString(), rejected.GetProperty("paymentStatus").GetString(), rejected.GetProperty("reason").GetString()));
        Assert.Equal([sku], rejected.GetProperty("outOfStock").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(2, await Available(host, sku));
    }

    public static TheoryData<string, string, string> BadOrders() => new()
    {
        { """{"userId":"u-1","items":[{"sku":"@SKU","qty":0}]}""", "items[0].qty", "between 1 and 1000" },
        { """{"userId":"u-1","items":[{"sku":"@SKU","qty":-2}]}""", "items[0].qty", "between 1 and 1000" },
        { """{"userId":"u-1","items":[{"sku":"@SKU","qty":1000000}]}""", "items[0].qty", "between 1 and 1000" },
        { """{"userId":"u-1","items":[{"sku":"@SKU","qty":1.5}]}""", "items[0].qty", "whole number" },
        { """{"userId":"u-1","items":[{"sku":"@SKU","qty":1,"price":-5}]}""", "items[0].price", "greater than 0" },
        { """{"userId":"u-1","items":[{"sku":"@SKU","qty":1,"price":0}]}""", "items[0].price", "greater than 0" },
        { """{"userId":"u-1","items":[{"sku":"NO-SUCH-BOOK-1","qty":1}]}""", "items[0].sku", "not in the catalog" },
        { """{"userId":"u-1","items":[{"qty":1}]}""", "items[0].sku", "Field required" },
        { """{"items":[{"sku":"@SKU","qty":1}]}""", "userId", "Field required" },
        { """{"userId":"has spaces","items":[{"sku":"@SKU","qty":1}]}""", "userId", "letters, digits" },
    };

    [Theory, MemberData(nameof(BadOrders))]
    public async Task PlaceOrder_BadInput_Is422NamingTheFieldAndReservesNothing(string body, string field, string reason)
    {
        var host = CatalogHosts.Embedded;
        var sku = await hosts.CreateProductAsync(host, 5, prefix: "ORD");

        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Post, "/orders", body.Replace("@SKU", sku, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(reason, json.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(field, json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, await Available(host, sku));
        Assert.Equal(0, (await hosts.SendAsync(host, HttpMethod.Get, "/orders/user/u-1-never")).Json.GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task PlaceOrder_EmptyItemsOrTooManyLinesOrABadKey_AnswersAsTheOriginalOrNamesTheProblem(string host)
    {
        var (emptyStatus, emptyRaw, empty) = await hosts.SendAsync(host, HttpMethod.Post, "/orders", new { userId = "u-1", items = Array.Empty<object>() });
        var (hugeStatus, _, huge) = await hosts.SendAsync(host, HttpMethod.Post, "/orders",
            new { userId = "u-1", items = Enumerable.Range(0, 101).Select(i => new { sku = $"S-{i}", qty = 1 }) });
        var (keyStatus, _, key) = await hosts.SendAsync(host, HttpMethod.Post, "/orders",
            new { userId = "u-1", items = new[] { new { sku = "BOOK-001", qty = 1 } } }, idempotencyKey: new string('k', 256));
        var (jsonStatus, _, _) = await hosts.SendAsync(host, HttpMethod.Post, "/orders", "{not json");

        Assert.Equal((HttpStatusCode.BadRequest, "items required"), (emptyStatus, empty.GetProperty("detail").GetString()));
        Assert.DoesNotContain("Exception", emptyRaw, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, hugeStatus);
        Assert.True(huge.GetProperty("errors").TryGetProperty("items", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, keyStatus);
        Assert.True(key.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Equal(HttpStatusCode.BadRequest, jsonStatus);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task IdempotencyKey_ReplaysTheFirstAnswer_RefusesAnotherBody_AndConcurrentReplaysMakeOneOrder(string host)
    {
        var sku = await hosts.CreateProductAsync(host, 10, prefix: "ORD");
        var user = $"idem-{Guid.NewGuid():N}"[..20];
        var key = Guid.NewGuid().ToString();
        object Body(int qty) => new { userId = user, items = new[] { new { sku, qty } } };

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => hosts.SendAsync(host, HttpMethod.Post, "/orders", Body(2), idempotencyKey: key)));
        var (otherStatus, _, other) = await hosts.SendAsync(host, HttpMethod.Post, "/orders", Body(3), idempotencyKey: key);
        var (_, _, list) = await hosts.SendAsync(host, HttpMethod.Get, $"/orders/user/{user}");

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(replies.Select(r => r.Raw).Distinct());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherStatus);
        Assert.Contains("Idempotency-Key", other.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(8, await Available(host, sku));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task OrderRoutes_ReadListShipDeliverAndCancel(string host)
    {
        var sku = await hosts.CreateProductAsync(host, 10, prefix: "ORD");
        var user = $"life-{Guid.NewGuid():N}"[..20];
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add((await hosts.SendAsync(host, HttpMethod.Post, "/api/orders", new { userId = user, items = new[] { new { sku, qty = 1 } } })).Json.GetProperty("orderId").GetString()!);

        var (getStatus, _, order) = await hosts.SendAsync(host, HttpMethod.Get, $"/orders/{ids[0]}");
        var (missingStatus, _, missing) = await hosts.SendAsync(host, HttpMethod.Get, $"/orders/{Guid.NewGuid()}");
        var (_, _, page) = await hosts.SendAsync(host, HttpMethod.Get, $"/orders/user/{user}?page=1&pageSize=2");
        var (badPageStatus, _, _) = await hosts.SendAsync(host, HttpMethod.Get, $"/orders/user/{user}?pageSize=0");
        var (anonymousStatus, _, _) = await hosts.SendAsync(host, HttpMethod.Put, $"/orders/{ids[0]}/status", new { status = "shipped" });
        var (shipStatus, _, shipped) = await hosts.SendAsync(host, HttpMethod.Put, $"/orders/{ids[0]}/status", new { status = "shipped" }, admin: true);
        var (wrongStatus, _, _) = await hosts.SendAsync(host, HttpMethod.Put, $"/orders/{ids[0]}/status", new { status = "lost" }, admin: true);
        var (cancelShippedStatus, _, cancelShipped) = await hosts.SendAsync(host, HttpMethod.Post, $"/orders/{ids[0]}/cancel");
        var (cancelStatus, _, cancelled) = await hosts.SendAsync(host, HttpMethod.Post, $"/orders/{ids[1]}/cancel");
        var (_, _, payment) = await hosts.SendAsync(host, HttpMethod.Get, $"/payments/{ids[1]}");

        Assert.Equal((HttpStatusCode.OK, ids[0]), (getStatus, order.GetProperty("orderId").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, missingStatus);
        Assert.Contains("does not exist", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((3, 1, 2), (page.GetProperty("total").GetInt32(), page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32()));
        Assert.Equal([ids[2], ids[1]], page.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badPageStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousStatus);
        Assert.Equal((HttpStatusCode.OK, "shipped"), (shipStatus, shipped.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongStatus);
        Assert.Equal(HttpStatusCode.Conflict, cancelShippedStatus);
        Assert.Contains("shipped", cancelShipped.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "cancelled", "payment.refunded"),
            (cancelStatus, cancelled.GetProperty("status").GetString(), cancelled.GetProperty("paymentStatus").GetString()));
        Assert.Equal("payment.refunded", payment.GetProperty("status").GetString());
        Assert.Equal(8, await Available(host, sku));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task PlaceOrder_WithOnlyAUserId_OrdersTheCartAndEmptiesItOnceConfirmed(string host)
    {
        var sku = await hosts.CreateProductAsync(host, 10, 15m, "ORD");
        var user = $"cart-{Guid.NewGuid():N}"[..20];
        await hosts.SendAsync(host, HttpMethod.Post, $"/cart/{user}/items", new { productId = sku, quantity = 3, price = 15.0 });

        var (status, _, order) = await hosts.SendAsync(host, HttpMethod.Post, "/orders", new { userId = user });
        var (_, _, cart) = await hosts.SendAsync(host, HttpMethod.Get, $"/cart/{user}");
        var (emptyStatus, _, _) = await hosts.SendAsync(host, HttpMethod.Post, "/orders", new { userId = user });

        Assert.Equal((HttpStatusCode.OK, "confirmed", 45m, true),
            (status, order.GetProperty("status").GetString(), order.GetProperty("total").GetDecimal(), order.GetProperty("fromCart").GetBoolean()));
        Assert.Equal(0, cart.GetProperty("itemCount").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, emptyStatus);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Health_AnswersTheOriginalShapeOnEveryRoute(string host)
    {
        foreach (var path in new[] { "/orders/healthz", "/api/orders/healthz" })
        {
            var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Get, path);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(["ok", "db", "backend"], Keys(json));
            Assert.Equal((true, host == CatalogHosts.Cluster), (json.GetProperty("ok").GetBoolean(), json.GetProperty("db").GetBoolean()));
        }
    }

    private async Task<int> Available(string host, string sku) =>
        (await hosts.SendAsync(host, HttpMethod.Get, $"/inventory/{sku}")).Json.GetProperty("available").GetInt32();
}
