using System.Diagnostics;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Faults;
using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;
using K8Shop.Contracts.Recommendations;
using K8Shop.Contracts.Storage;
using K8Shop.GrainTests.Orders;
using static K8Shop.GrainTests.Faults.FaultSwitchReplicationTests;

namespace K8Shop.GrainTests.Faults;

/// <summary>
/// Each grain-level fault: on, its effect is seen (the test fails if the switch does nothing); off, it is gone; and
/// under it no order is charged twice, none oversells, every order ends in a final state.
/// </summary>
[Collection(FaultClusterCollection.Name)]
public sealed class GrainFaultTests(FaultClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task Payment_decline_fails_the_payment_of_the_scoped_user_only_and_returns_the_stock()
    {
        var sku = await Checkout.BookAsync(Grains, 10);
        var (alice, bob) = (Checkout.NewUser(), Checkout.NewUser());
        await cluster.SetAsync(FaultNames.PaymentDecline, new FaultSetting(true, Scope: new FaultScope(User: alice)));
        OrderView declined, other;
        try
        {
            declined = await Place(alice, (sku, 2));
            other = await Place(bob, (sku, 3));
        }
        finally
        {
            await cluster.OffAsync(FaultNames.PaymentDecline);
        }
        var after = await Place(alice, (sku, 1));

        Assert.Equal((OrderStatus.PaymentFailed, "processor_declined"), (declined.Status, declined.Reason));
        Assert.Equal(PaymentStatus.Failed, (await Payment(declined.OrderId))!.Status);
        Assert.Equal(OrderStatus.Confirmed, other.Status);
        Assert.Equal(OrderStatus.Confirmed, after.Status);
        Assert.Equal((6, 0, 4L), await Checkout.StockAsync(Grains, sku));
    }

    [Fact]
    public async Task Payment_latency_slows_each_new_charge_by_its_latency_until_it_is_off()
    {
        var sku = await Checkout.BookAsync(Grains, 10);
        await cluster.SetAsync(FaultNames.PaymentLatency, new FaultSetting(true, LatencyMs: 1500));
        TimeSpan slow;
        try
        {
            slow = await Timed(() => Place(Checkout.NewUser(), (sku, 1)));
        }
        finally
        {
            await cluster.OffAsync(FaultNames.PaymentLatency);
        }
        var fast = await Timed(() => Place(Checkout.NewUser(), (sku, 1)));

        Assert.True(slow >= TimeSpan.FromMilliseconds(1450), $"the checkout took {slow.TotalMilliseconds:F0} ms with the switch on");
        Assert.True(fast < TimeSpan.FromMilliseconds(1450), $"the checkout took {fast.TotalMilliseconds:F0} ms with the switch off");
        Assert.Equal((8, 0, 2L), await Checkout.StockAsync(Grains, sku));
    }

    [Fact]
    public async Task Payment_provider_down_charges_nothing_and_the_due_work_sweep_confirms_the_order_once_it_is_back()
    {
        var sku = await Checkout.BookAsync(Grains, 10);
        var command = Checkout.Command(Checkout.NewUser(), null, (sku, 3));
        var orderId = Checkout.NewOrderId();
        await cluster.SetAsync(FaultNames.PaymentProviderDown, new FaultSetting(true));
        try
        {
            var down = await Assert.ThrowsAsync<StorageUnavailableException>(() => Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(command));
            Assert.Equal("payment-provider", down.Backend);
            Assert.Equal(OrderStatus.Reserved, (await Order(orderId)).Status);
            Assert.Null(await Payment(orderId));
            // Still down when the sweep comes: still nothing charged, still waiting with its stock held.
            await Task.Delay(FaultClusterFixture.ResumeAfter * 2);
            Assert.Equal(OrderStatus.Reserved, (await Order(orderId)).Status);
            Assert.Null(await Payment(orderId));
        }
        finally
        {
            await cluster.OffAsync(FaultNames.PaymentProviderDown);
        }

        await Eventually(() => Order(orderId).Result.Status == OrderStatus.Confirmed, seconds: 15);
        var payment = (await Payment(orderId))!;
        Assert.Equal(PaymentStatus.Succeeded, payment.Status);
        Assert.Equal(payment.Reference, (await Order(orderId)).Payment.Reference);
        // The client's retry finds the same order and the same charge.
        Assert.Equal(OrderStatus.Confirmed, (await Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(command)).Status);
        Assert.Equal((7, 0, 3L), await Checkout.StockAsync(Grains, sku));
    }

    [Fact]
    public async Task Payment_provider_down_past_the_reservation_ends_the_order_rejected_with_its_stock_back_and_no_charge()
    {
        var sku = await Checkout.BookAsync(Grains, 10);
        var orderId = Checkout.NewOrderId();
        await cluster.SetAsync(FaultNames.PaymentProviderDown, new FaultSetting(true));
        try
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() =>
                Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(Checkout.Command(Checkout.NewUser(), null, (sku, 4))));
            cluster.Clock.Advance(FaultClusterFixture.ReservationTtl + TimeSpan.FromSeconds(1));
            await Eventually(() => Order(orderId).Result.Status.IsSettled(), seconds: 15);
        }
        finally
        {
            await cluster.OffAsync(FaultNames.PaymentProviderDown);
        }

        var order = await Order(orderId);
        Assert.Equal((OrderStatus.Rejected, "reservation_expired"), (order.Status, order.Reason));
        Assert.Null(await Payment(orderId));
        Assert.Equal(10, (await Grains.GetGrain<IInventorySkuGrain>(sku).GetAsync()).Available);
    }

    [Fact]
    public async Task Catalog_latency_slows_catalog_reads_of_its_sku_until_it_is_off()
    {
        var slowSku = await Checkout.BookAsync(Grains, 1);
        var otherSku = await Checkout.BookAsync(Grains, 1);
        var catalog = Grains.GetGrain<ICatalogGrain>(0);
        await cluster.SetAsync(FaultNames.CatalogLatency, new FaultSetting(true, LatencyMs: 1200, Scope: FaultScope.ForSku(slowSku)));
        TimeSpan slow, other;
        try
        {
            slow = await Timed(() => catalog.FindAsync(slowSku));
            other = await Timed(() => catalog.FindAsync(otherSku));
        }
        finally
        {
            await cluster.OffAsync(FaultNames.CatalogLatency);
        }
        var after = await Timed(() => catalog.FindAsync(slowSku));

        Assert.True(slow >= TimeSpan.FromMilliseconds(1150), $"the read took {slow.TotalMilliseconds:F0} ms with the switch on");
        Assert.True(other < TimeSpan.FromMilliseconds(1150), $"another SKU's read took {other.TotalMilliseconds:F0} ms");
        Assert.True(after < TimeSpan.FromMilliseconds(1150), $"the read took {after.TotalMilliseconds:F0} ms with the switch off");
    }

    [Fact]
    public async Task Recommendations_failing_makes_recommendations_unavailable_until_it_is_off()
    {
        var recommendations = Grains.GetGrain<IRecommendationGrain>(0);
        var request = new RecommendationRequest(null, null, "popular", 5);
        await cluster.SetAsync(FaultNames.RecommendationsFailing, new FaultSetting(true));
        try
        {
            var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => recommendations.RecommendAsync(request));
            Assert.Equal("recommendations", failure.Backend);
        }
        finally
        {
            await cluster.OffAsync(FaultNames.RecommendationsFailing);
        }
        Assert.Equal("popular", (await recommendations.RecommendAsync(request)).Strategy);
    }

    [Fact]
    public async Task Hot_sku_delay_delays_calls_to_its_sku_only_and_a_rush_on_it_still_never_oversells()
    {
        var hot = await Checkout.BookAsync(Grains, 10);
        var cold = await Checkout.BookAsync(Grains, 10);
        await cluster.SetAsync(FaultNames.HotSkuDelay, new FaultSetting(true, LatencyMs: 1000, Scope: FaultScope.ForSku(hot)));
        TimeSpan slow, other;
        OrderView[] rush;
        try
        {
            slow = await Timed(() => Grains.GetGrain<IInventorySkuGrain>(hot).GetAsync());
            other = await Timed(() => Grains.GetGrain<IInventorySkuGrain>(cold).GetAsync());
            rush = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Place(Checkout.NewUser(), (hot, 1))));
        }
        finally
        {
            await cluster.OffAsync(FaultNames.HotSkuDelay);
        }
        var after = await Timed(() => Grains.GetGrain<IInventorySkuGrain>(hot).GetAsync());

        Assert.True(slow >= TimeSpan.FromMilliseconds(950), $"the hot SKU answered in {slow.TotalMilliseconds:F0} ms with the switch on");
        Assert.True(other < TimeSpan.FromMilliseconds(950), $"another SKU answered in {other.TotalMilliseconds:F0} ms");
        Assert.True(after < TimeSpan.FromMilliseconds(950), $"the hot SKU answered in {after.TotalMilliseconds:F0} ms with the switch off");
        Assert.Equal(10, rush.Count(o => o.Status == OrderStatus.Confirmed));
        Assert.Equal(6, rush.Count(o => o.Status == OrderStatus.Rejected));
        Assert.Equal((0, 0, 10L), await Checkout.StockAsync(Grains, hot));
    }

    [Fact]
    public async Task Checkout_saga_crash_cuts_the_saga_between_stored_steps_and_the_due_work_sweep_alone_finishes_it()
    {
        var sku = await Checkout.BookAsync(Grains, 10);
        var user = Checkout.NewUser();
        var orderId = Checkout.NewOrderId();
        await cluster.SetAsync(FaultNames.CheckoutSagaCrash, new FaultSetting(true, Scope: new FaultScope(User: user)));
        try
        {
            var crash = await Assert.ThrowsAsync<FaultInjectedException>(() =>
                Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(Checkout.Command(user, null, (sku, 3))));
            Assert.Equal(FaultNames.CheckoutSagaCrash, crash.Fault);
            Assert.Equal(OrderStatus.Reserved, (await Order(orderId)).Status);
            // Nobody calls the order again: the sweep resumes it, one step per tick (it crashes again after each).
            await Eventually(() => Order(orderId).Result.Status.IsSettled(), seconds: 30);
        }
        finally
        {
            await cluster.OffAsync(FaultNames.CheckoutSagaCrash);
        }
        var resumed = await Order(orderId);
        var direct = await Place(user, (sku, 1));

        Assert.Equal(OrderStatus.Confirmed, resumed.Status);
        Assert.Equal([OrderStatus.Pending, OrderStatus.Reserved, OrderStatus.Paid, OrderStatus.Confirmed], Checkout.Path(resumed));
        Assert.Equal(PaymentStatus.Succeeded, (await Payment(orderId))!.Status);
        Assert.Equal(OrderStatus.Confirmed, direct.Status);
        Assert.Equal((6, 0, 4L), await Checkout.StockAsync(Grains, sku));
    }

    private Task<OrderView> Place(string user, params (string Sku, int Qty)[] lines) =>
        Grains.GetGrain<IOrderGrain>(Checkout.NewOrderId()).PlaceAsync(Checkout.Command(user, null, lines));

    private async Task<OrderView> Order(string orderId) => (await Grains.GetGrain<IOrderGrain>(orderId).GetAsync())!;

    private Task<PaymentView?> Payment(string orderId) => Grains.GetGrain<IPaymentGrain>(orderId).GetAsync();

    private static async Task<TimeSpan> Timed<T>(Func<Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        await call();
        return clock.Elapsed;
    }
}
