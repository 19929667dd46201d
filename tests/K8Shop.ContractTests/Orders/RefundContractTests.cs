using System.Net;
using K8Shop.ContractTests.Hosts;
using static K8Shop.ContractTests.Hosts.HostRequests;

namespace K8Shop.ContractTests.Orders;

/// <summary>
/// Refunds over HTTP go through the order: a confirmed order's refund answers 200 with the money and the units back
/// and the order cancelled; a shipped order's answers 202 and waits for the admin's <c>POST /orders/{id}/return</c>.
/// A payment for an existing order must be the order's own (its shopper, its total), never one for a rejected order.
/// </summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class RefundContractTests(CatalogHosts hosts)
{
    public static TheoryData<string> Hosts => CatalogHosts.All;

    [Theory, MemberData(nameof(Hosts))]
    public async Task Refunding_a_confirmed_order_cancels_it_and_returns_its_units(string host)
    {
        var sku = await hosts.CreateProductAsync(host, 10, 12m, "REF");
        var (_, _, order) = await hosts.SendAsync(host, HttpMethod.Post, "/orders", new { userId = "refund-user", items = new[] { new { sku, qty = 3 } } });
        var paymentId = order.GetProperty("payment").GetProperty("payment_id").GetString();
        Assert.Equal(7, await Available(host, sku));

        var (status, _, refund) = await hosts.SendAsync(host, HttpMethod.Post, $"/payments/{paymentId}/refund");
        var (againStatus, again, _) = await hosts.SendAsync(host, HttpMethod.Post, $"/api/payments/{paymentId}/refund");
        var (_, _, after) = await hosts.SendAsync(host, HttpMethod.Get, $"/orders/{order.GetProperty("orderId").GetString()}");
        var (shipStatus, _, _) = await hosts.SendAsync(host, HttpMethod.Put, $"/orders/{order.GetProperty("orderId").GetString()}/status", new { status = "shipped" }, admin: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["order_id", "status", "payment_id", "user_id", "amount", "reference", "created_at", "refunded_at", "refund_reference", "order_status"], Keys(refund));
        Assert.Equal(("payment.refunded", "cancelled", 36m), (refund.GetProperty("status").GetString(), refund.GetProperty("order_status").GetString(), refund.GetProperty("amount").GetDecimal()));
        Assert.Equal((HttpStatusCode.OK, refund.GetRawText()), (againStatus, again));
        Assert.Equal(("cancelled", "payment.refunded"), (after.GetProperty("status").GetString(), after.GetProperty("paymentStatus").GetString()));
        Assert.Equal(10, await Available(host, sku));
        Assert.Equal(HttpStatusCode.Conflict, shipStatus);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Refunding_a_shipped_order_is_a_return_the_admin_approves(string host)
    {
        var sku = await hosts.CreateProductAsync(host, 10, 8m, "RET");
        var (_, _, order) = await hosts.SendAsync(host, HttpMethod.Post, "/orders", new { userId = "return-user", items = new[] { new { sku, qty = 2 } } });
        var orderId = order.GetProperty("orderId").GetString()!;
        var paymentId = order.GetProperty("payment").GetProperty("payment_id").GetString();
        await hosts.SendAsync(host, HttpMethod.Put, $"/orders/{orderId}/status", new { status = "shipped" }, admin: true);

        var client = await hosts.CreateClientAsync(host);
        var requested = await client.PostAsync($"/payments/{paymentId}/refund", null);
        var request = await requested.ReadJsonAsync();
        var (_, _, waiting) = await hosts.SendAsync(host, HttpMethod.Get, $"/orders/{orderId}");
        var (anonymousStatus, _, _) = await hosts.SendAsync(host, HttpMethod.Post, $"/orders/{orderId}/return", new { approve = true });
        var (undecidedStatus, _, undecided) = await hosts.SendAsync(host, HttpMethod.Post, $"/orders/{orderId}/return", new { }, admin: true);
        var stockWhileWaiting = await Available(host, sku);
        var (approveStatus, _, approved) = await hosts.SendAsync(host, HttpMethod.Post, $"/orders/{orderId}/return", new { approve = true }, admin: true);
        var (declineStatus, _, _) = await hosts.SendAsync(host, HttpMethod.Post, $"/orders/{orderId}/return", new { approve = false }, admin: true);
        var (_, _, payment) = await hosts.SendAsync(host, HttpMethod.Get, $"/payments/{paymentId}");

        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        Assert.Equal($"/orders/{orderId}", requested.Headers.Location?.OriginalString);
        Assert.Equal(("payment.succeeded", "return_requested"), (request.GetProperty("status").GetString(), request.GetProperty("order_status").GetString()));
        Assert.Equal("return_requested", waiting.GetProperty("status").GetString());
        Assert.Equal("return_requested", waiting.GetProperty("timeline").EnumerateArray().Last().GetProperty("status").GetString());
        Assert.Equal((8, HttpStatusCode.Unauthorized), (stockWhileWaiting, anonymousStatus));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, undecidedStatus);
        Assert.Equal(["approve"], Keys(undecided.GetProperty("errors")));
        Assert.Equal((HttpStatusCode.OK, "returned", "payment.refunded"),
            (approveStatus, approved.GetProperty("status").GetString(), approved.GetProperty("paymentStatus").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, declineStatus);
        Assert.Equal("payment.refunded", payment.GetProperty("status").GetString());
        Assert.Equal(10, await Available(host, sku));
    }

    [Fact]
    public async Task A_declined_return_leaves_the_order_shipped_and_the_money_with_the_shop()
    {
        var host = CatalogHosts.Embedded;
        var sku = await hosts.CreateProductAsync(host, 10, 8m, "DEC");
        var (_, _, order) = await hosts.SendAsync(host, HttpMethod.Post, "/orders", new { userId = "decline-user", items = new[] { new { sku, qty = 1 } } });
        var orderId = order.GetProperty("orderId").GetString()!;
        await hosts.SendAsync(host, HttpMethod.Put, $"/orders/{orderId}/status", new { status = "shipped" }, admin: true);
        await hosts.SendAsync(host, HttpMethod.Post, $"/payments/{orderId}/refund");

        var (status, _, declined) = await hosts.SendAsync(host, HttpMethod.Post, $"/orders/{orderId}/return", new { approve = false }, admin: true);
        var (_, _, payment) = await hosts.SendAsync(host, HttpMethod.Get, $"/payments/{orderId}");

        Assert.Equal((HttpStatusCode.OK, "shipped"), (status, declined.GetProperty("status").GetString()));
        Assert.Equal("payment.succeeded", payment.GetProperty("status").GetString());
        Assert.Equal(9, await Available(host, sku));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task A_payment_naming_an_order_must_be_that_orders_own_and_a_rejected_order_is_never_charged(string host)
    {
        var sku = await hosts.CreateProductAsync(host, 1, 10m, "PAY");
        var (_, _, confirmed) = await hosts.SendAsync(host, HttpMethod.Post, "/orders", new { userId = "pay-user", items = new[] { new { sku, qty = 1 } } });
        var (_, _, rejected) = await hosts.SendAsync(host, HttpMethod.Post, "/orders", new { userId = "pay-user", items = new[] { new { sku, qty = 1 } } });
        var (confirmedId, rejectedId) = (confirmed.GetProperty("orderId").GetString(), rejected.GetProperty("orderId").GetString());

        var (sameStatus, _, same) = await hosts.SendAsync(host, HttpMethod.Post, "/payments", new { order_id = confirmedId, user_id = "pay-user", total_amount = 10 });
        var (cheaperStatus, _, _) = await hosts.SendAsync(host, HttpMethod.Post, "/payments", new { order_id = confirmedId, user_id = "pay-user", total_amount = 0.5 });
        var (otherUserStatus, _, _) = await hosts.SendAsync(host, HttpMethod.Post, "/payments", new { order_id = confirmedId, user_id = "someone-else", total_amount = 10 });
        var (rejectedStatus, _, refusal) = await hosts.SendAsync(host, HttpMethod.Post, "/payments", new { order_id = rejectedId, user_id = "pay-user", total_amount = 10 });
        var (readStatus, _, _) = await hosts.SendAsync(host, HttpMethod.Get, $"/payments/{rejectedId}");

        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal((HttpStatusCode.OK, confirmed.GetProperty("payment").GetProperty("reference").GetString()), (sameStatus, same.GetProperty("reference").GetString()));
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (cheaperStatus, otherUserStatus));
        Assert.Equal(HttpStatusCode.Conflict, rejectedStatus);
        Assert.Contains("rejected", refusal.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, readStatus);
    }

    private async Task<int> Available(string host, string sku) =>
        (await hosts.SendAsync(host, HttpMethod.Get, $"/inventory/{sku}")).Json.GetProperty("available").GetInt32();
}
