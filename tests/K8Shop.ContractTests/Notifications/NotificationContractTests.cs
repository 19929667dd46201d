using System.Net;
using K8Shop.ContractTests.Hosts;
using static K8Shop.ContractTests.Hosts.HostRequests;

namespace K8Shop.ContractTests.Notifications;

/// <summary>The original notification-service's POST /notify and health, and the history, contact and back-in-stock routes.</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class NotificationContractTests(CatalogHosts hosts)
{
    public static TheoryData<string> Hosts => CatalogHosts.All;

    [Theory, MemberData(nameof(Hosts))]
    public async Task Health_AnswersTheOriginalShape_OnBothPaths(string host)
    {
        var (status, raw, _) = await hosts.SendAsync(host, HttpMethod.Get, "/api/notification/healthz");
        var (otherStatus, otherRaw, _) = await hosts.SendAsync(host, HttpMethod.Get, "/notification/healthz");

        Assert.Equal((HttpStatusCode.OK, """{"ok":true}"""), (status, raw));
        Assert.Equal((HttpStatusCode.OK, raw), (otherStatus, otherRaw));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Notify_AnswersTheOriginalFieldsFirst_WithTheTypeResolvedAsTheOriginal(string host)
    {
        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Post, "/notify", new { order_id = "o-1", status = "payment.failed" });
        var (_, _, edge) = await hosts.SendAsync(host, HttpMethod.Post, "/api/notification/notify", new { order_id = "o-2", type = "anything" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["order_id", "notified", "channel", "type"], Keys(json));
        Assert.Equal(("o-1", true, "http", "failure"), (json.GetProperty("order_id").GetString(), json.GetProperty("notified").GetBoolean(),
            json.GetProperty("channel").GetString(), json.GetProperty("type").GetString()));
        Assert.Equal(("o-2", "success"), (edge.GetProperty("order_id").GetString(), edge.GetProperty("type").GetString()));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Notify_WithoutOrderId_Is400WithTheOriginalError(string host)
    {
        foreach (var body in new object[] { new { status = "x" }, """{"order_id":""}""", """{"order_id":5}""", "not json" })
        {
            var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Post, "/notify", body);

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("order_id required", json.GetProperty("error").GetString());
        }
        var client = await hosts.CreateClientAsync(host);
        var text = await client.PostAsync("/notify", new StringContent("order_id=o-1"));
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal("order_id required", (await text.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task History_OfAShopperWithNone_IsAnEmptyPage_AndBadPagingNamesTheField(string host)
    {
        var user = $"hist-{Guid.NewGuid():N}";

        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Get, $"/notifications/{user}");
        var (badStatus, _, bad) = await hosts.SendAsync(host, HttpMethod.Get, $"/notifications/{user}?pageSize=500");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["user_id", "page", "page_size", "total", "notifications"], Keys(json));
        Assert.Equal((user, 1, 20, 0, 0), (json.GetProperty("user_id").GetString(), json.GetProperty("page").GetInt32(),
            json.GetProperty("page_size").GetInt32(), json.GetProperty("total").GetInt32(), json.GetProperty("notifications").GetArrayLength()));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.True(bad.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Contact_IsStoredAndRead_AndABadOneNamesEachField(string host)
    {
        var user = $"contact-{Guid.NewGuid():N}";

        var (putStatus, _, put) = await hosts.SendAsync(host, HttpMethod.Put, $"/notifications/{user}/contact", new { email = "ana@mail.example.org", phone = "+34612345678" });
        var (_, _, read) = await hosts.SendAsync(host, HttpMethod.Get, $"/api/notifications/{user}/contact");
        var (badStatus, _, bad) = await hosts.SendAsync(host, HttpMethod.Put, $"/notifications/{user}/contact", new { email = "ana", phone = "612" });

        Assert.Equal(HttpStatusCode.OK, putStatus);
        Assert.Equal(["user_id", "email", "phone"], Keys(put));
        Assert.Equal(put.GetRawText(), read.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Equal(["email", "phone"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task BackInStock_RegistersForACatalogSku_RefusesAnUnknownOne_AndNamesAMissingSku(string host)
    {
        var sku = await hosts.CreateProductAsync(host, stock: 0, prefix: "N");
        var user = $"bis-{Guid.NewGuid():N}";

        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Post, $"/notifications/{user}/back-in-stock", new { sku = sku.ToLowerInvariant() });
        var (unknown, _, _) = await hosts.SendAsync(host, HttpMethod.Post, $"/notifications/{user}/back-in-stock", new { sku = "NOPE-404" });
        var (missing, _, bad) = await hosts.SendAsync(host, HttpMethod.Post, $"/notifications/{user}/back-in-stock", new { });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["user_id", "sku", "status", "registered_at"], Keys(json));
        Assert.Equal((sku, "subscribed"), (json.GetProperty("sku").GetString(), json.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.True(bad.GetProperty("errors").TryGetProperty("sku", out _));
    }
}
