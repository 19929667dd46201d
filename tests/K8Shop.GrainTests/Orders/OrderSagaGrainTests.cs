using K8Shop.Contracts.Cart;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;

namespace K8Shop.GrainTests.Orders;

/// <summary>The checkout saga end to end on an in-process cluster: each outcome leaves stock and payment exact.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OrderSagaGrainTests(ClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task An_order_with_stock_and_a_good_card_is_charged_once_and_its_stock_sold()
    {
        var (a, b) = (await Checkout.BookAsync(Grains, 10, 44.95m), await Checkout.BookAsync(Grains, 5, 21m));
        var orderId = Checkout.NewOrderId();

        var order = await Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(Checkout.Command(Checkout.NewUser(), null, (a, 2), (b, 1)));

        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Equal([OrderStatus.Pending, OrderStatus.Reserved, OrderStatus.Paid, OrderStatus.Confirmed], Checkout.Path(order));
        Assert.Equal((110.90m, 3), (order.Total, order.ItemCount));
        Assert.Equal("payment.succeeded", order.Payment.Status);
        Assert.Equal((8, 0, 2L), await Checkout.StockAsync(Grains, a));
        Assert.Equal((4, 0, 1L), await Checkout.StockAsync(Grains, b));
        var payment = await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync();
        Assert.Equal((PaymentStatus.Succeeded, 110.90m), (payment!.Status, payment.Amount));
        Assert.Equal(PaymentIds.For(orderId), order.Payment.PaymentId);
    }

    [Fact]
    public async Task A_line_out_of_stock_rejects_the_order_releases_the_other_lines_and_charges_nothing()
    {
        var (plenty, scarce) = (await Checkout.BookAsync(Grains, 10), await Checkout.BookAsync(Grains, 1));
        var orderId = Checkout.NewOrderId();

        var order = await Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(Checkout.Command(Checkout.NewUser(), null, (plenty, 3), (scarce, 2)));

        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal("out_of_stock", order.Reason);
        Assert.Equal([scarce], order.ShortSkus.ToArray());
        Assert.Equal("payment.skipped", order.Payment.Status);
        Assert.Equal((10, 0, 0L), await Checkout.StockAsync(Grains, plenty));
        Assert.Equal((1, 0, 0L), await Checkout.StockAsync(Grains, scarce));
        Assert.Null(await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync());
    }

    [Fact]
    public async Task A_declined_card_fails_the_payment_and_releases_every_line()
    {
        var (a, b) = (await Checkout.BookAsync(Grains, 10), await Checkout.BookAsync(Grains, 10));
        var order = await Grains.GetGrain<IOrderGrain>(Checkout.NewOrderId()).PlaceAsync(Checkout.Command(Checkout.NewUser(), "tok_decline", (a, 3), (b, 4)));

        Assert.Equal(OrderStatus.PaymentFailed, order.Status);
        Assert.Equal(("payment.failed", "card_declined"), (order.Payment.Status, order.Reason));
        Assert.Equal([OrderStatus.Pending, OrderStatus.Reserved, OrderStatus.Releasing, OrderStatus.PaymentFailed], Checkout.Path(order));
        Assert.Equal((10, 0, 0L), await Checkout.StockAsync(Grains, a));
        Assert.Equal((10, 0, 0L), await Checkout.StockAsync(Grains, b));
    }

    [Fact]
    public async Task An_amount_over_the_payment_limit_is_declined_and_holds_nothing()
    {
        var sku = await Checkout.BookAsync(Grains, 1_000, 999m);
        var order = await Grains.GetGrain<IOrderGrain>(Checkout.NewOrderId()).PlaceAsync(Checkout.Command(Checkout.NewUser(), null, (sku, 6)));

        Assert.Equal((OrderStatus.PaymentFailed, "amount_over_limit"), (order.Status, order.Reason));
        Assert.Equal((1_000, 0, 0L), await Checkout.StockAsync(Grains, sku));
    }

    [Fact]
    public async Task Cancelling_a_confirmed_order_refunds_once_and_returns_its_units_however_often_it_is_asked()
    {
        var sku = await Checkout.BookAsync(Grains, 10);
        var orderId = Checkout.NewOrderId();
        var grain = Grains.GetGrain<IOrderGrain>(orderId);
        await grain.PlaceAsync(Checkout.Command(Checkout.NewUser(), null, (sku, 4)));
        Assert.Equal((6, 0, 4L), await Checkout.StockAsync(Grains, sku));

        var cancelled = await grain.CancelAsync();
        var refund = await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync();
        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => grain.CancelAsync()));

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal([OrderStatus.Pending, OrderStatus.Reserved, OrderStatus.Paid, OrderStatus.Confirmed, OrderStatus.Refunding, OrderStatus.Returning, OrderStatus.Cancelled],
            Checkout.Path(cancelled));
        Assert.Equal("payment.refunded", cancelled.Payment.Status);
        Assert.All(again, o => Assert.Equal(cancelled.Timeline.Length, o.Timeline.Length));
        Assert.Equal((10, 0, 0L), await Checkout.StockAsync(Grains, sku));
        var after = await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync();
        Assert.Equal((PaymentStatus.Refunded, refund!.RefundedAt, refund.RefundReference), (after!.Status, after.RefundedAt, after.RefundReference));
    }

    [Fact]
    public async Task A_shipped_order_cannot_be_cancelled_and_a_rejected_one_cannot_ship()
    {
        var sku = await Checkout.BookAsync(Grains, 10);
        var shipped = Grains.GetGrain<IOrderGrain>(Checkout.NewOrderId());
        await shipped.PlaceAsync(Checkout.Command(Checkout.NewUser(), null, (sku, 1)));
        Assert.Equal(OrderStatus.Shipped, (await shipped.SetFulfilmentAsync(OrderStatus.Shipped)).Status);
        Assert.Equal(OrderStatus.Shipped, (await shipped.SetFulfilmentAsync(OrderStatus.Shipped)).Status);
        await Assert.ThrowsAsync<OrderStateException>(() => shipped.CancelAsync());
        Assert.Equal(OrderStatus.Delivered, (await shipped.SetFulfilmentAsync(OrderStatus.Delivered)).Status);

        var rejected = Grains.GetGrain<IOrderGrain>(Checkout.NewOrderId());
        await rejected.PlaceAsync(Checkout.Command(Checkout.NewUser(), null, (sku, 500)));
        await Assert.ThrowsAsync<OrderStateException>(() => rejected.SetFulfilmentAsync(OrderStatus.Shipped));
        await Assert.ThrowsAsync<OrderNotFoundException>(() => Grains.GetGrain<IOrderGrain>(Checkout.NewOrderId()).CancelAsync());
    }

    [Fact]
    public async Task An_order_from_the_cart_prices_the_cart_and_takes_its_lines_out_once_confirmed()
    {
        var sku = await Checkout.BookAsync(Grains, 10, 30m);
        var user = Checkout.NewUser();
        var cart = Grains.GetGrain<ICartGrain>(user);
        await cart.AddItemAsync(sku, 2);

        var order = await Grains.GetGrain<IOrderGrain>(Checkout.NewOrderId()).PlaceAsync(Checkout.FromCart(user));

        Assert.Equal((OrderStatus.Confirmed, 60m, true), (order.Status, order.Total, order.FromCart));
        Assert.Empty((await cart.GetAsync()).Items);
        await Assert.ThrowsAsync<OrderRuleException>(() => Grains.GetGrain<IOrderGrain>(Checkout.NewOrderId()).PlaceAsync(Checkout.FromCart(user)));
    }

    [Fact]
    public async Task After_a_checkout_the_emptied_cart_and_the_order_list_leave_memory_and_read_back_from_storage()
    {
        var sku = await Checkout.BookAsync(Grains, 10, 30m);
        var user = Checkout.NewUser();
        await Grains.GetGrain<ICartGrain>(user).AddItemAsync(sku, 1);
        var orderId = Checkout.NewOrderId();

        await Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(Checkout.FromCart(user));

        await WaitUntilGoneAsync(GrainType.Create("cart"), user);
        await WaitUntilGoneAsync(GrainType.Create("userorders"), user);
        Assert.Empty((await Grains.GetGrain<ICartGrain>(user).GetAsync()).Items);
        Assert.Equal(orderId, Assert.Single((await Grains.GetGrain<IUserOrdersGrain>(user).ListAsync(0, 10)).OrderIds));
    }

    private async Task WaitUntilGoneAsync(GrainType type, string key)
    {
        var id = GrainId.Create(type, key);
        var management = Grains.GetGrain<IManagementGrain>(0);
        for (var attempt = 0; attempt < 50 && (await management.GetActiveGrains(type)).Contains(id); attempt++)
            await Task.Delay(100);
        Assert.DoesNotContain(id, await management.GetActiveGrains(type));
    }

    [Fact]
    public async Task A_user_sees_their_orders_newest_first()
    {
        var sku = await Checkout.BookAsync(Grains, 10);
        var user = Checkout.NewUser();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(Checkout.NewOrderId());
            await Grains.GetGrain<IOrderGrain>(ids[^1]).PlaceAsync(Checkout.Command(user, null, (sku, 1)));
            cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var page = await Grains.GetGrain<IUserOrdersGrain>(user).ListAsync(0, 2);
        Assert.Equal(3, page.Total);
        Assert.Equal([ids[2], ids[1]], page.OrderIds.ToArray());
        Assert.Equal([ids[0]], (await Grains.GetGrain<IUserOrdersGrain>(user).ListAsync(2, 2)).OrderIds.ToArray());
        // Listed whole from the order table: no call to each order needed.
        Assert.All(page.Orders, o => Assert.Equal((user, OrderStatus.Confirmed, 1), (o.UserId, o.Status, o.ItemCount)));
    }
}
