using K8Shop.Contracts.Identity;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;
using static K8Shop.GrainTests.Identity.CallerScope;

namespace K8Shop.GrainTests.Orders;

/// <summary>
/// <c>POST /payments</c> through the order: a signed-in caller pays only an existing order of theirs, for its total,
/// and only once; anything else is refused and charges nothing. A trusted call (open mode) keeps the original's
/// standalone charge for an order id with no order.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OrderPaymentGrainTests(ClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task A_signed_in_caller_paying_an_order_that_does_not_exist_is_told_so_and_nothing_is_charged()
    {
        var alice = Checkout.NewUser();
        var orderId = Checkout.NewOrderId();

        await Assert.ThrowsAsync<OrderNotFoundException>(() => As(new Caller(alice, CallerKind.Shopper), () => Grains.GetGrain<IOrderGrain>(orderId).PayAsync(new ChargeRequest(alice, 10m, null))));
        await Assert.ThrowsAsync<OrderNotFoundException>(() => As(new Caller("operator", CallerKind.Admin), () => Grains.GetGrain<IOrderGrain>(orderId).PayAsync(new ChargeRequest(alice, 10m, null))));
        await Assert.ThrowsAsync<OrderNotFoundException>(() => As(new Caller(alice, CallerKind.Shopper),
            () => Grains.GetGrain<IPaymentRequestGrain>($"key-{Guid.NewGuid():N}").ChargeAsync(orderId, new ChargeRequest(alice, 10m, null), "hash")));

        Assert.Null(await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync());
        Assert.Null(await Grains.GetGrain<IOrderGrain>(orderId).GetAsync());
    }

    [Fact]
    public async Task Another_shoppers_order_is_not_found_or_forbidden_and_its_payment_is_untouched()
    {
        var (alice, mallory) = (Checkout.NewUser(), Checkout.NewUser());
        var sku = await Checkout.BookAsync(Grains, 10, 15m);
        var orderId = Checkout.NewOrderId();
        var placed = await As(new Caller(alice, CallerKind.Shopper), () => Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(Checkout.Command(alice, null, (sku, 1))));
        var before = await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync();

        await As(new Caller(mallory, CallerKind.Shopper), async () =>
        {
            await Assert.ThrowsAsync<OrderNotFoundException>(() => Grains.GetGrain<IOrderGrain>(orderId).PayAsync(new ChargeRequest(mallory, 15m, null)));
            await Assert.ThrowsAsync<NotOwnerException>(() => Grains.GetGrain<IOrderGrain>(orderId).PayAsync(new ChargeRequest(alice, 15m, null)));
            await Assert.ThrowsAsync<OrderNotFoundException>(() => Grains.GetGrain<IOrderGrain>(orderId).RefundAsync());
            return 0;
        });

        Assert.Equal(before, await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync());
        Assert.Equal(placed.Timeline.Length, (await Grains.GetGrain<IOrderGrain>(orderId).GetAsync())!.Timeline.Length);
    }

    [Fact]
    public async Task The_owner_paying_their_confirmed_order_gets_its_one_charge_and_another_amount_is_refused()
    {
        var alice = Checkout.NewUser();
        var sku = await Checkout.BookAsync(Grains, 10, 15m);
        var orderId = Checkout.NewOrderId();
        var owner = new Caller(alice, CallerKind.Shopper);
        await As(owner, () => Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(Checkout.Command(alice, null, (sku, 2))));
        var charged = await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync();

        var paid = await As(owner, () => Grains.GetGrain<IOrderGrain>(orderId).PayAsync(new ChargeRequest(alice, 30m, null)));
        var keyed = await As(owner, () => Grains.GetGrain<IPaymentRequestGrain>($"key-{Guid.NewGuid():N}").ChargeAsync(orderId, new ChargeRequest(alice, 30m, null), "h"));

        Assert.Equal((PaymentStatus.Succeeded, charged!.Reference, charged.CreatedAt), (paid.Status, paid.Reference, paid.CreatedAt));
        Assert.Equal(paid, keyed);
        await Assert.ThrowsAsync<PaymentConflictException>(() => As(owner, () => Grains.GetGrain<IOrderGrain>(orderId).PayAsync(new ChargeRequest(alice, 0.01m, null))));
        Assert.Equal(30m, (await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync())!.Amount);
    }

    [Fact]
    public async Task An_order_that_was_rejected_is_never_charged_afterwards()
    {
        var alice = Checkout.NewUser();
        var sku = await Checkout.BookAsync(Grains, 1, 15m);
        var orderId = Checkout.NewOrderId();
        var rejected = await As(new Caller(alice, CallerKind.Shopper), () => Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(Checkout.Command(alice, null, (sku, 5))));
        Assert.Equal(OrderStatus.Rejected, rejected.Status);

        var signedIn = await Assert.ThrowsAsync<OrderStateException>(() => As(new Caller(alice, CallerKind.Shopper),
            () => Grains.GetGrain<IOrderGrain>(orderId).PayAsync(new ChargeRequest(alice, rejected.Total, null))));
        // Open mode too: the id names an order, so the order's rules apply, not the standalone charge.
        var trusted = await Assert.ThrowsAsync<OrderStateException>(() => Grains.GetGrain<IOrderGrain>(orderId).PayAsync(new ChargeRequest(alice, rejected.Total, null)));

        Assert.Equal((OrderStatus.Rejected, OrderStatus.Rejected), (signedIn.Status, trusted.Status));
        Assert.Null(await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync());
    }

    [Fact]
    public async Task A_trusted_call_for_an_id_with_no_order_gets_the_originals_standalone_charge_once()
    {
        var orderId = $"pay-{Guid.NewGuid():N}";
        var grain = Grains.GetGrain<IOrderGrain>(orderId);

        var first = await grain.PayAsync(new ChargeRequest("u-1", 12.5m, null));
        var retry = await grain.PayAsync(new ChargeRequest("u-1", 12.5m, null));
        var refund = await grain.RefundAsync();

        Assert.Equal((PaymentStatus.Succeeded, first.Reference), (retry.Status, retry.Reference));
        Assert.Equal((PaymentStatus.Refunded, null), (refund.Payment.Status, refund.Order));
        Assert.Null(await grain.GetAsync());
    }
}
