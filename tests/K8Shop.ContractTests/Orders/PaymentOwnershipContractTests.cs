using System.Net;
using System.Net.Http.Json;
using K8Shop.ContractTests.Hosts;
using K8Shop.ContractTests.Security;

namespace K8Shop.ContractTests.Orders;

/// <summary>
/// With <c>Auth:Mode=required</c> a payment is created only for an existing order of the caller: an order id that
/// names nothing, or another shopper's order, is 404 and charges nothing; the owner's refund and the admin's return
/// decision go through the order.
/// </summary>
public sealed class PaymentOwnershipContractTests(RequiredAuthHost required) : IClassFixture<RequiredAuthHost>
{
    [Fact]
    public async Task Paying_an_order_that_does_not_exist_is_404_and_charges_nothing()
    {
        var alice = $"alice-{Guid.NewGuid():N}"[..20];
        var orderId = Guid.NewGuid().ToString();
        var shopper = required.Client(TestTokens.Shopper(alice));

        var paid = await shopper.PostAsJsonAsync("/payments", new { order_id = orderId, user_id = alice, total_amount = 10 });
        using var keyed = new HttpRequestMessage(HttpMethod.Post, "/payments") { Content = JsonContent.Create(new { order_id = orderId, user_id = alice, total_amount = 10 }) };
        keyed.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var paidWithKey = await shopper.SendAsync(keyed);
        var read = await required.Client(TestTokens.Admin()).GetAsync($"/payments/{orderId}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (paid.StatusCode, paidWithKey.StatusCode));
        Assert.Contains("does not exist", (await paid.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Paying_or_refunding_another_shoppers_order_is_404_and_changes_nothing()
    {
        var victim = await Victim.CreateAsync(required);
        var before = await victim.SnapshotAsync();
        var mallory = $"mallory-{Guid.NewGuid():N}"[..20];
        var attacker = required.Client(TestTokens.Shopper(mallory));

        var pay = await attacker.PostAsJsonAsync("/payments", new { order_id = victim.OrderId, user_id = mallory, total_amount = 0.01m });
        var refund = await attacker.PostAsync($"/payments/{victim.PaymentId}/refund", null);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (pay.StatusCode, refund.StatusCode));
        Assert.Equal(before, await victim.SnapshotAsync());
    }

    [Fact]
    public async Task The_owner_asks_for_a_return_and_only_an_admin_approves_it()
    {
        var victim = await Victim.CreateAsync(required);
        var owner = required.Client(TestTokens.Shopper(victim.UserId));
        var admin = required.Client(TestTokens.Admin());
        (await admin.PutAsJsonAsync($"/orders/{victim.OrderId}/status", new { status = "shipped" })).EnsureSuccessStatusCode();

        var requested = await owner.PostAsync($"/payments/{victim.PaymentId}/refund", null);
        var selfApproved = await owner.PostAsJsonAsync($"/orders/{victim.OrderId}/return", new { approve = true });
        var stillWaiting = await (await owner.GetAsync($"/orders/{victim.OrderId}")).ReadJsonAsync();
        var approved = await admin.PostAsJsonAsync($"/orders/{victim.OrderId}/return", new { approve = true });
        var payment = await (await owner.GetAsync($"/payments/{victim.PaymentId}")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, selfApproved.StatusCode);
        Assert.Equal("return_requested", stillWaiting.GetProperty("status").GetString());
        Assert.Equal((HttpStatusCode.OK, "returned"), (approved.StatusCode, (await approved.ReadJsonAsync()).GetProperty("status").GetString()));
        Assert.Equal("payment.refunded", payment.GetProperty("status").GetString());
    }
}
