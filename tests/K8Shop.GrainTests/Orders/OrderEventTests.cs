using System.Collections.Concurrent;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Orders;

namespace K8Shop.GrainTests.Orders;

/// <summary>Orders and payments publish their events, in order, on the order's stream, once per fact.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OrderEventTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_checkout_publishes_created_payment_and_confirmed_on_the_orders_stream_with_stable_ids()
    {
        var sku = await Checkout.BookAsync(cluster.Grains, 10, 20m);
        var orderId = Checkout.NewOrderId();
        var received = await SubscribeAsync(orderId);

        var command = Checkout.Command(Checkout.NewUser(), null, (sku, 2));
        await cluster.Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(command);
        var events = await WaitForAsync(received, 3);

        Assert.Equal(["orders.order_created", "orders.payment_succeeded", "orders.order_confirmed"], events.Select(e => e.RoutingKey));
        Assert.All(events, e => Assert.Equal(orderId, e.CorrelationId));
        Assert.Equal(3, events.Select(e => e.MessageId).Distinct().Count());
        var created = Assert.IsType<OrderEvent>(events[0]);
        Assert.Equal((command.UserId, 40m, 2, "pending"), (created.UserId, created.Total, created.ItemCount, created.Status));
        var line = Assert.Single(created.Items);
        Assert.Equal((sku, 2, 2, 20m, 40m), (line.Sku.ToUpperInvariant(), line.Qty, line.Quantity, line.Price, line.Total));
        var payment = Assert.IsType<PaymentEvent>(events[1]);
        Assert.Equal(("payment.succeeded", 40m), (payment.Status, payment.Amount));
        Assert.Equal(IntegrationEvent.StableMessageId(orderId, "order.confirmed"), events[2].MessageId);
    }

    [Fact]
    public async Task A_declined_order_publishes_the_payment_failure_and_its_rejection_and_a_cancel_publishes_once()
    {
        var sku = await Checkout.BookAsync(cluster.Grains, 10);
        var declinedId = Checkout.NewOrderId();
        var declined = await SubscribeAsync(declinedId);
        await cluster.Grains.GetGrain<IOrderGrain>(declinedId).PlaceAsync(Checkout.Command(Checkout.NewUser(), "tok_decline", (sku, 1)));

        var cancelledId = Checkout.NewOrderId();
        var cancelled = await SubscribeAsync(cancelledId);
        var order = cluster.Grains.GetGrain<IOrderGrain>(cancelledId);
        await order.PlaceAsync(Checkout.Command(Checkout.NewUser(), null, (sku, 1)));
        await order.CancelAsync();
        await order.CancelAsync();

        var failure = await WaitForAsync(declined, 3);
        Assert.Equal(["orders.order_created", "orders.payment_failed", "orders.order_rejected"], failure.Select(e => e.RoutingKey));
        Assert.Equal("card_declined", Assert.IsType<OrderEvent>(failure[2]).Reason);
        var cancel = await WaitForAsync(cancelled, 4);
        Assert.Equal("orders.order_cancelled", cancel[3].RoutingKey);
        await Task.Delay(300);
        Assert.Equal(4, cancelled.Count);
    }

    [Fact]
    public async Task A_charge_publishes_its_event_exactly_once_however_often_it_is_asked_for()
    {
        var orderId = Checkout.NewOrderId();
        var received = await SubscribeAsync(orderId);
        var payment = cluster.Grains.GetGrain<K8Shop.Contracts.Payments.IPaymentGrain>(orderId);

        var charged = await payment.ChargeAsync(new K8Shop.Contracts.Payments.ChargeRequest(Checkout.NewUser(), 12.5m, null));
        await Task.WhenAll(payment.PublishPendingAsync(), payment.PublishPendingAsync());
        await payment.ChargeAsync(new K8Shop.Contracts.Payments.ChargeRequest(charged.UserId, 12.5m, null));

        var events = await WaitForAsync(received, 1);
        await Task.Delay(300);
        Assert.Single(received);
        Assert.Equal(("orders.payment_succeeded", 12.5m), (events[0].RoutingKey, Assert.IsType<PaymentEvent>(events[0]).Amount));
    }

    private Task<ConcurrentQueue<IntegrationEvent>> SubscribeAsync(string orderId) => EventRecorder.SubscribeAsync(cluster.Client, "orders", orderId);

    private static Task<IntegrationEvent[]> WaitForAsync(ConcurrentQueue<IntegrationEvent> received, int count) => EventRecorder.WaitForAsync(received, count);
}
