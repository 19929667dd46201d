using System.Net;
using K8Shop.ContractTests.Hosts;
using K8Shop.TestSupport;

namespace K8Shop.ContractTests.Notifications;

/// <summary>
/// End to end on the cluster profile: a checkout's own events travel through RabbitMQ to the notification consumer,
/// which sends exactly one order-confirmed e-mail to the real SMTP server, even when the order is replayed.
/// </summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class CheckoutEmailTests(CatalogHosts hosts)
{
    public static TheoryData<string> ClusterHost => new(CatalogHosts.Names.Where(n => n == CatalogHosts.Cluster));

    [Theory, MemberData(nameof(ClusterHost))]
    public async Task A_confirmed_checkout_sends_one_order_confirmed_email(string host)
    {
        var sku = await hosts.CreateProductAsync(host, 5, 12.5m, "MAIL");
        var user = $"mail-{Guid.NewGuid():N}"[..24];
        var address = $"{user}@mail.example.org";
        await hosts.SendAsync(host, HttpMethod.Put, $"/notifications/{user}/contact", new { email = address });
        var key = Guid.NewGuid().ToString();
        var body = new { userId = user, items = new[] { new { sku, qty = 2 } } };

        var (status, _, order) = await hosts.SendAsync(host, HttpMethod.Post, "/orders", body, idempotencyKey: key);
        await hosts.SendAsync(host, HttpMethod.Post, "/orders", body, idempotencyKey: key);
        await SmtpInbox.WaitForAsync(address, 1, TimeSpan.FromSeconds(20));
        await Task.Delay(1_500);
        var mail = await SmtpInbox.ForAsync(address);

        Assert.Equal((HttpStatusCode.OK, "confirmed"), (status, order.GetProperty("status").GetString()));
        var sent = Assert.Single(mail);
        Assert.Contains(order.GetProperty("orderId").GetString()!, sent.Subject ?? "", StringComparison.OrdinalIgnoreCase);
    }
}
