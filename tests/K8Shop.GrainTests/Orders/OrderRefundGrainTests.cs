using K8Shop.Contracts.Events;
using K8Shop.Contracts.Identity;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;
using static K8Shop.GrainTests.Identity.CallerScope;

namespace K8Shop.GrainTests.Orders;

/// <summary>
/// A refund goes through its order: before shipping it is the cancellation (money and units back, exactly once), after
/// shipping it is a return an admin decides; no refunded order stays confirmed or can ship.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OrderRefundGrainTests(ClusterFixture cluster)
{
    private static readonly Caller Admin = new("operator", CallerKind.Admin);

    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task Refunding_a_confirmed_order_cancels_it_and_returns_its_units_once_under_concurrent_refunds_and_cancels()
    {
        var alice = Checkout.NewUser();
        var sku = await Checkout.BookAsync(Grains, 10);
        var orderId = Checkout.NewOrderId();
        var grain = Grains.GetGrain<IOrderGrain>(orderId);
        await As(alice, () => grain.PlaceAsync(Checkout.Command(alice, null, (sku, 4))));
        Assert.Equal((6, 0, 4L), await Checkout.StockAsync(Grains, sku));

        var (refunds, cancels) = await As(alice, async () => (
            await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => grain.RefundAsync())),
            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => grain.CancelAsync()))));
        var again = await As(alice, () => grain.RefundAsync());

        Assert.All(refunds.Append(again), r => Assert.Equal((PaymentStatus.Refunded, refunds[0].Payment.RefundReference, OrderStatus.Cancelled),
            (r.Payment.Status, r.Payment.RefundReference, r.Order!.Status)));
        Assert.All(refunds, r => Assert.False(r.AwaitingReturn));
        Assert.Equal([OrderStatus.Pending, OrderStatus.Reserved, OrderStatus.Paid, OrderStatus.Confirmed, OrderStatus.Refunding, OrderStatus.Returning, OrderStatus.Cancelled],
            Checkout.Path(again.Order!));
        Assert.All(cancels, c => Assert.Equal(again.Order!.Timeline.Length, c.Timeline.Length));
        Assert.Equal("payment.refunded", again.Order!.Payment.Status);
        Assert.Equal((10, 0, 0L), await Checkout.StockAsync(Grains, sku));
    }

    [Fact]
    public async Task A_refunded_order_can_never_ship_or_be_delivered()
    {
        var alice = Checkout.NewUser();
        var sku = await Checkout.BookAsync(Grains, 10);
        var grain = Grains.GetGrain<IOrderGrain>(Checkout.NewOrderId());
        await As(alice, () => grain.PlaceAsync(Checkout.Command(alice, null, (sku, 1))));
        await As(alice, () => grain.RefundAsync());

        var ship = await Assert.ThrowsAsync<OrderStateException>(() => As(Admin, () => grain.SetFulfilmentAsync(OrderStatus.Shipped)));
        var deliver = await Assert.ThrowsAsync<OrderStateException>(() => As(Admin, () => grain.SetFulfilmentAsync(OrderStatus.Delivered)));

        Assert.Equal((OrderStatus.Cancelled, OrderStatus.Cancelled), (ship.Status, deliver.Status));
        Assert.Equal(OrderStatus.Cancelled, (await grain.GetAsync())!.Status);
        Assert.Equal((10, 0, 0L), await Checkout.StockAsync(Grains, sku));
    }

    [Fact]
    public async Task Refunding_a_shipped_order_requests_a_return_and_refunds_nothing_until_an_admin_approves_it_once()
    {
        var alice = Checkout.NewUser();
        var sku = await Checkout.BookAsync(Grains, 10);
        var orderId = Checkout.NewOrderId();
        var grain = Grains.GetGrain<IOrderGrain>(orderId);
        await As(alice, () => grain.PlaceAsync(Checkout.Command(alice, null, (sku, 2))));
        await As(Admin, () => grain.SetFulfilmentAsync(OrderStatus.Shipped));

        var requests = await As(alice, () => Task.WhenAll(Enumerable.Range(0, 3).Select(_ => grain.RefundAsync())));

        Assert.All(requests, r => Assert.True(r.AwaitingReturn));
        Assert.All(requests, r => Assert.Equal((PaymentStatus.Succeeded, OrderStatus.ReturnRequested), (r.Payment.Status, r.Order!.Status)));
        Assert.Single(requests[^1].Order!.Timeline, t => t.Status == OrderStatus.ReturnRequested);
        Assert.Equal((8, 0, 2L), await Checkout.StockAsync(Grains, sku));
        Assert.Equal(OrderStatus.ReturnRequested, (await As(Admin, () => grain.SetFulfilmentAsync(OrderStatus.Shipped))).Status);
        await Assert.ThrowsAsync<NotOwnerException>(() => As(alice, () => grain.DecideReturnAsync(true)));
        Assert.Equal(PaymentStatus.Succeeded, (await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync())!.Status);

        var approvals = await As(Admin, () => Task.WhenAll(Enumerable.Range(0, 3).Select(_ => grain.DecideReturnAsync(true))));

        Assert.All(approvals, o => Assert.Equal(OrderStatus.Returned, o.Status));
        Assert.Equal([OrderStatus.Shipped, OrderStatus.ReturnRequested, OrderStatus.Refunding, OrderStatus.Returning, OrderStatus.Returned],
            Checkout.Path(approvals[^1])[4..]);
        Assert.Equal((10, 0, 0L), await Checkout.StockAsync(Grains, sku));
        var payment = await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync();
        Assert.Equal(PaymentStatus.Refunded, payment!.Status);
        var replay = await As(alice, () => grain.RefundAsync());
        Assert.Equal((OrderStatus.Returned, payment.RefundReference, false), (replay.Order!.Status, replay.Payment.RefundReference, replay.AwaitingReturn));
        await Assert.ThrowsAsync<OrderStateException>(() => As(Admin, () => grain.DecideReturnAsync(false)));
        await Assert.ThrowsAsync<OrderStateException>(() => As(Admin, () => grain.SetFulfilmentAsync(OrderStatus.Delivered)));
    }

    [Fact]
    public async Task A_declined_return_goes_back_to_delivered_keeping_the_money_and_the_sale()
    {
        var alice = Checkout.NewUser();
        var sku = await Checkout.BookAsync(Grains, 10);
        var orderId = Checkout.NewOrderId();
        var grain = Grains.GetGrain<IOrderGrain>(orderId);
        await As(alice, () => grain.PlaceAsync(Checkout.Command(alice, null, (sku, 1))));
        await As(Admin, () => grain.SetFulfilmentAsync(OrderStatus.Shipped));
        await As(alice, () => grain.RefundAsync());
        // The carrier delivers while the decision is pending: the order still waits for it.
        Assert.Equal(OrderStatus.ReturnRequested, (await As(Admin, () => grain.SetFulfilmentAsync(OrderStatus.Delivered))).Status);

        var declined = await As(Admin, () => grain.DecideReturnAsync(false));
        var repeated = await As(Admin, () => grain.DecideReturnAsync(false));

        Assert.Equal((OrderStatus.Delivered, declined.Timeline.Length), (repeated.Status, repeated.Timeline.Length));
        Assert.Equal(PaymentStatus.Succeeded, (await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync())!.Status);
        Assert.Equal((9, 0, 1L), await Checkout.StockAsync(Grains, sku));
        await Assert.ThrowsAsync<OrderStateException>(() => As(Admin, () => grain.DecideReturnAsync(true)));
    }

    [Fact]
    public async Task A_refund_of_an_order_never_paid_is_refused_and_changes_nothing()
    {
        var alice = Checkout.NewUser();
        var sku = await Checkout.BookAsync(Grains, 10);
        var declined = Grains.GetGrain<IOrderGrain>(Checkout.NewOrderId());
        await As(alice, () => declined.PlaceAsync(Checkout.Command(alice, "tok_decline", (sku, 1))));
        var rejected = Grains.GetGrain<IOrderGrain>(Checkout.NewOrderId());
        await As(alice, () => rejected.PlaceAsync(Checkout.Command(alice, null, (sku, 50))));

        var failed = await Assert.ThrowsAsync<PaymentStateException>(() => As(alice, () => declined.RefundAsync()));
        var missing = await Assert.ThrowsAsync<PaymentStateException>(() => As(alice, () => rejected.RefundAsync()));

        Assert.Equal((false, true), (failed.NotFound, missing.NotFound));
        Assert.Equal(OrderStatus.PaymentFailed, (await declined.GetAsync())!.Status);
        Assert.Equal(OrderStatus.Rejected, (await rejected.GetAsync())!.Status);
        Assert.Equal((10, 0, 0L), await Checkout.StockAsync(Grains, sku));
    }

    [Fact]
    public async Task An_orders_payment_cannot_be_refunded_behind_the_orders_back()
    {
        var alice = Checkout.NewUser();
        var sku = await Checkout.BookAsync(Grains, 10);
        var orderId = Checkout.NewOrderId();
        await As(alice, () => Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(Checkout.Command(alice, null, (sku, 3))));

        var refused = await Assert.ThrowsAsync<PaymentStateException>(() => As(alice, () => Grains.GetGrain<IPaymentGrain>(orderId).RefundAsync()));

        Assert.False(refused.NotFound);
        Assert.Equal(PaymentStatus.Succeeded, (await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync())!.Status);
        Assert.Equal(OrderStatus.Confirmed, (await Grains.GetGrain<IOrderGrain>(orderId).GetAsync())!.Status);
        Assert.Equal((7, 0, 3L), await Checkout.StockAsync(Grains, sku));
    }

    [Fact]
    public async Task A_return_publishes_its_request_and_its_return_on_the_orders_stream_and_no_cancellation()
    {
        var alice = Checkout.NewUser();
        var sku = await Checkout.BookAsync(Grains, 10, 20m);
        var orderId = Checkout.NewOrderId();
        var received = await EventRecorder.SubscribeAsync(cluster.Client, "orders", orderId);
        var grain = Grains.GetGrain<IOrderGrain>(orderId);
        await As(alice, () => grain.PlaceAsync(Checkout.Command(alice, null, (sku, 1))));
        await As(Admin, () => grain.SetFulfilmentAsync(OrderStatus.Shipped));
        await As(alice, () => grain.RefundAsync());
        await As(Admin, () => grain.DecideReturnAsync(true));

        var events = await EventRecorder.WaitForAsync(received, 6, settle: true);

        Assert.Equal(["orders.order_created", "orders.payment_succeeded", "orders.order_confirmed", "orders.order_shipped", "orders.order_return_requested", "orders.order_returned"],
            events.Select(e => e.RoutingKey));
        var returned = Assert.IsType<OrderEvent>(events[^1]);
        Assert.Equal(("returned", 20m), (returned.Status, returned.Total));
        Assert.Equal(IntegrationEvent.StableMessageId(orderId, "order.returned"), returned.MessageId);
    }

    [Fact]
    public async Task A_return_requested_again_after_a_decline_is_a_new_event()
    {
        var alice = Checkout.NewUser();
        var sku = await Checkout.BookAsync(Grains, 10);
        var orderId = Checkout.NewOrderId();
        var received = await EventRecorder.SubscribeAsync(cluster.Client, "orders", orderId);
        var grain = Grains.GetGrain<IOrderGrain>(orderId);
        await As(alice, () => grain.PlaceAsync(Checkout.Command(alice, null, (sku, 1))));
        await As(Admin, () => grain.SetFulfilmentAsync(OrderStatus.Shipped));
        await As(alice, () => grain.RefundAsync());
        await As(Admin, () => grain.DecideReturnAsync(false));
        await As(alice, () => grain.RefundAsync());

        var events = await EventRecorder.WaitForAsync(received, 7, settle: true);

        var returns = events.Where(e => e.RoutingKey.Contains("return", StringComparison.Ordinal)).ToList();
        Assert.Equal(["orders.order_return_requested", "orders.order_return_declined", "orders.order_return_requested"], returns.Select(e => e.RoutingKey));
        Assert.Equal(3, returns.Select(e => e.MessageId).Distinct().Count());
    }
}
