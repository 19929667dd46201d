using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;

namespace K8Shop.GrainTests.Orders;

/// <summary>A retried order or payment never repeats its effect; a different request under the same id is refused.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OrderIdempotencyGrainTests(ClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task Placing_the_same_order_many_times_at_once_creates_one_order_one_charge_and_takes_stock_once()
    {
        var sku = await Checkout.BookAsync(Grains, 10);
        var orderId = Checkout.NewOrderId();
        var command = Checkout.Command(Checkout.NewUser(), null, (sku, 3));

        var replies = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(command)));

        Assert.All(replies, r => Assert.Equal((replies[0].Status, replies[0].CreatedAt, replies[0].Timeline.Length), (r.Status, r.CreatedAt, r.Timeline.Length)));
        Assert.Equal(OrderStatus.Confirmed, replies[0].Status);
        Assert.Equal((7, 0, 3L), await Checkout.StockAsync(Grains, sku));
        Assert.Equal(1, (await Grains.GetGrain<IUserOrdersGrain>(command.UserId).ListAsync(0, 10)).Total);
    }

    [Fact]
    public async Task A_replay_gets_the_first_answer_even_after_the_order_moved_on()
    {
        var sku = await Checkout.BookAsync(Grains, 10);
        var grain = Grains.GetGrain<IOrderGrain>(Checkout.NewOrderId());
        var command = Checkout.Command(Checkout.NewUser(), null, (sku, 1));
        var first = await grain.PlaceAsync(command);
        await grain.SetFulfilmentAsync(OrderStatus.Shipped);

        var replay = await grain.PlaceAsync(command);

        Assert.Equal(OrderStatus.Confirmed, replay.Status);
        Assert.Equal(first.Timeline.Length, replay.Timeline.Length);
        Assert.Equal(OrderStatus.Shipped, (await grain.GetAsync())!.Status);
    }

    [Fact]
    public async Task Another_request_under_a_used_order_id_is_refused_and_changes_nothing()
    {
        var sku = await Checkout.BookAsync(Grains, 10);
        var grain = Grains.GetGrain<IOrderGrain>(Checkout.NewOrderId());
        var user = Checkout.NewUser();
        await grain.PlaceAsync(Checkout.Command(user, null, (sku, 1)));

        await Assert.ThrowsAsync<IdempotencyConflictException>(() => grain.PlaceAsync(Checkout.Command(user, null, (sku, 2))));
        Assert.Equal((9, 0, 1L), await Checkout.StockAsync(Grains, sku));
    }

    [Fact]
    public async Task A_bad_order_is_refused_before_anything_is_stored_or_reserved()
    {
        var sku = await Checkout.BookAsync(Grains, 10);
        var orderId = Checkout.NewOrderId();
        var grain = Grains.GetGrain<IOrderGrain>(orderId);
        var user = Checkout.NewUser();

        var unknown = await Assert.ThrowsAsync<OrderRuleException>(() => grain.PlaceAsync(Checkout.Command(user, null, (sku, 1), ("NO-SUCH-BOOK-9", 1))));
        var zero = await Assert.ThrowsAsync<OrderRuleException>(() => grain.PlaceAsync(Checkout.Command(user, null, (sku, 0))));
        var absurd = await Assert.ThrowsAsync<OrderRuleException>(() => grain.PlaceAsync(Checkout.Command(user, null, (sku, 1_000_000))));

        Assert.Equal(("items[1].sku", "items[0].qty", "items[0].qty"), (unknown.Field, zero.Field, absurd.Field));
        Assert.Null(await grain.GetAsync());
        Assert.Equal((10, 0, 0L), await Checkout.StockAsync(Grains, sku));
        Assert.Equal(0, (await Grains.GetGrain<IUserOrdersGrain>(user).ListAsync(0, 10)).Total);
    }

    [Fact]
    public async Task A_payment_is_one_charge_per_order_whatever_the_retries_and_one_refund()
    {
        var payment = Grains.GetGrain<IPaymentGrain>($"order-{Guid.NewGuid():N}");
        var request = new ChargeRequest("u-1", 25m, null);

        var charges = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => payment.ChargeAsync(request)));
        Assert.All(charges, c => Assert.Equal((PaymentStatus.Succeeded, charges[0].Reference, charges[0].CreatedAt), (c.Status, c.Reference, c.CreatedAt)));
        await Assert.ThrowsAsync<PaymentConflictException>(() => payment.ChargeAsync(request with { Amount = 26m }));

        var refunds = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => payment.RefundAsync()));
        Assert.All(refunds, r => Assert.Equal((PaymentStatus.Refunded, refunds[0].RefundReference), (r.Status, r.RefundReference)));
        Assert.Equal(PaymentStatus.Refunded, (await payment.ChargeAsync(request)).Status);
    }

    [Fact]
    public async Task A_declined_payment_cannot_be_refunded_and_a_voided_order_is_never_charged()
    {
        var declined = Grains.GetGrain<IPaymentGrain>($"order-{Guid.NewGuid():N}");
        Assert.Equal(PaymentStatus.Failed, (await declined.ChargeAsync(new ChargeRequest("u-1", 5m, "tok_decline"))).Status);
        Assert.False((await Assert.ThrowsAsync<PaymentStateException>(() => declined.RefundAsync())).NotFound);

        var voided = Grains.GetGrain<IPaymentGrain>($"order-{Guid.NewGuid():N}");
        Assert.Null(await voided.CancelAsync());
        Assert.Equal(PaymentStatus.Voided, (await voided.ChargeAsync(new ChargeRequest("u-1", 5m, null))).Status);
        Assert.True((await Assert.ThrowsAsync<PaymentStateException>(() => Grains.GetGrain<IPaymentGrain>("none-" + Guid.NewGuid()).RefundAsync())).NotFound);
    }

    [Fact]
    public async Task An_idempotency_key_answers_its_first_payment_and_refuses_another_body()
    {
        var key = Grains.GetGrain<IPaymentRequestGrain>($"key-{Guid.NewGuid():N}");
        var orderId = $"order-{Guid.NewGuid():N}";
        var request = new ChargeRequest("u-1", 10m, null);

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => key.ChargeAsync(orderId, request, "hash-a")));

        Assert.All(replies, r => Assert.Equal(replies[0], r));
        await Assert.ThrowsAsync<IdempotencyConflictException>(() => key.ChargeAsync($"order-{Guid.NewGuid():N}", request, "hash-b"));
    }
}
