using System.Net;
using K8Shop.ContractTests.Hosts;
using static K8Shop.ContractTests.Hosts.HostRequests;

namespace K8Shop.ContractTests.Orders;

/// <summary>The payment contract: the original POST /payments (snake_case) made idempotent, and reads and refunds.</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class PaymentContractTests(CatalogHosts hosts)
{
    public static TheoryData<string> Hosts => CatalogHosts.All;

    [Theory, MemberData(nameof(Hosts))]
    public async Task Charge_AnswersTheOriginalFieldsFirst_AndARetryGetsTheSameCharge(string host)
    {
        var orderId = $"pay-{Guid.NewGuid():N}";
        var body = new { order_id = orderId, user_id = "u-1", total_amount = 89.9 };

        var (status, _, first) = await hosts.SendAsync(host, HttpMethod.Post, "/payments", body);
        var (_, _, retry) = await hosts.SendAsync(host, HttpMethod.Post, "/api/payments", body);
        var (conflictStatus, _, _) = await hosts.SendAsync(host, HttpMethod.Post, "/payments", new { order_id = orderId, user_id = "u-1", total_amount = 90 });
        var (byId, _, read) = await hosts.SendAsync(host, HttpMethod.Get, $"/payments/{first.GetProperty("payment_id").GetString()}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["order_id", "status", "payment_id", "user_id", "amount", "reference", "created_at"], Keys(first));
        Assert.Equal((orderId, "payment.succeeded", 89.9m), (first.GetProperty("order_id").GetString(), first.GetProperty("status").GetString(), first.GetProperty("amount").GetDecimal()));
        Assert.Equal(first.GetRawText(), retry.GetRawText());
        Assert.Equal(HttpStatusCode.Conflict, conflictStatus);
        Assert.Equal((HttpStatusCode.OK, first.GetRawText()), (byId, read.GetRawText()));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Refund_RefundsOnce_AndOnlyASucceededPayment(string host)
    {
        var orderId = $"pay-{Guid.NewGuid():N}";
        await hosts.SendAsync(host, HttpMethod.Post, "/payments", new { order_id = orderId, user_id = "u-1", total_amount = 10 });
        var declinedId = $"pay-{Guid.NewGuid():N}";
        var (_, _, declined) = await hosts.SendAsync(host, HttpMethod.Post, "/payments", new { order_id = declinedId, user_id = "u-1", total_amount = 10, payment_token = "tok_decline" });

        var (status, _, refund) = await hosts.SendAsync(host, HttpMethod.Post, $"/payments/{orderId}/refund");
        var (_, _, again) = await hosts.SendAsync(host, HttpMethod.Post, $"/payments/{orderId}/refund");
        var (declinedStatus, _, _) = await hosts.SendAsync(host, HttpMethod.Post, $"/payments/{declinedId}/refund");
        var (missingStatus, _, _) = await hosts.SendAsync(host, HttpMethod.Post, $"/payments/none-{Guid.NewGuid():N}/refund");
        var (missingGet, _, _) = await hosts.SendAsync(host, HttpMethod.Get, $"/payments/none-{Guid.NewGuid():N}");

        Assert.Equal(("payment.failed", "card_declined"), (declined.GetProperty("status").GetString(), declined.GetProperty("reason").GetString()));
        Assert.Equal((HttpStatusCode.OK, "payment.refunded"), (status, refund.GetProperty("status").GetString()));
        Assert.Equal(refund.GetRawText(), again.GetRawText());
        Assert.Equal(HttpStatusCode.Conflict, declinedStatus);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (missingStatus, missingGet));
    }

    [Theory]
    [InlineData("""{"user_id":"u","total_amount":5}""")]
    [InlineData("""{"order_id":"o","total_amount":5}""")]
    [InlineData("""{"order_id":"o","user_id":"u","total_amount":0}""")]
    [InlineData("""{"order_id":"o","user_id":"u","total_amount":-3}""")]
    [InlineData("""{"order_id":"","user_id":"u","total_amount":3}""")]
    public async Task Charge_MissingOrNonPositive_Is400WithTheOriginalText(string body)
    {
        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, "/payments", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("order_id, user_id and positive total_amount required", json.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("order_id", "must be 1-128 letters", """{"order_id":"o/../x","user_id":"u","total_amount":5}""")]
    [InlineData("order_id", "must be 1-128 letters", """{"order_id":"LONG","user_id":"u","total_amount":5}""")]
    [InlineData("user_id", "must be 1-128 letters", """{"order_id":"o","user_id":"a user","total_amount":5}""")]
    [InlineData("total_amount", "whole cents", """{"order_id":"o","user_id":"u","total_amount":0.001}""")]
    [InlineData("total_amount", "whole cents", """{"order_id":"o","user_id":"u","total_amount":19.999}""")]
    [InlineData("total_amount", "at most 1000000000", """{"order_id":"o","user_id":"u","total_amount":1000000000.01}""")]
    [InlineData("payment_token", "at most 128 characters", """{"order_id":"o","user_id":"u","total_amount":5,"payment_token":"LONG"}""")]
    public async Task Charge_BeyondTheOriginalsChecks_Is400NamingTheField_AndChargesNothing(string field, string reason, string body)
    {
        var orderId = $"bad-{Guid.NewGuid():N}";
        body = body.Replace("\"o\"", $"\"{orderId}\"").Replace("LONG", new string('x', 129));

        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, "/payments", body);
        var (readStatus, _, _) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, $"/payments/{orderId}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([field], json.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Contains(reason, json.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, readStatus);
    }

    [Theory]
    [InlineData("GET", "/payments/%20", "paymentId")]
    [InlineData("GET", "/api/payments/%09", "paymentId")]
    [InlineData("POST", "/payments/%20/refund", "paymentId")]
    [InlineData("POST", "/payments/LONG/refund", "paymentId")]
    public async Task Routes_BlankOrOversizedPaymentId_Is422NamingIt(string method, string path, string field)
    {
        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, new HttpMethod(method), path.Replace("LONG", new string('x', 129)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal([field], json.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task IdempotencyKey_ReplaysTheFirstPayment_AndRefusesAnotherBody(string host)
    {
        var key = Guid.NewGuid().ToString();
        var body = new { order_id = $"pay-{Guid.NewGuid():N}", user_id = "u-1", total_amount = 12.5 };

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => hosts.SendAsync(host, HttpMethod.Post, "/payments", body, idempotencyKey: key)));
        var (otherStatus, _, _) = await hosts.SendAsync(host, HttpMethod.Post, "/payments", body with { total_amount = 13.0 }, idempotencyKey: key);

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(replies.Select(r => r.Raw).Distinct());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherStatus);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Health_AnswersOkOnTheOriginalRoutes(string host)
    {
        foreach (var path in new[] { "/payments/healthz", "/api/payment/healthz", "/api/payments/healthz" })
        {
            var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Get, path);
            Assert.Equal((HttpStatusCode.OK, true), (status, json.GetProperty("ok").GetBoolean()));
        }
    }
}
