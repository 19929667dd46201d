using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;

namespace K8Shop.GrainTests.Orders;

/// <summary>
/// A crash at every write of the saga: the steps before it ran, but storing their outcome failed. Resuming from what
/// was stored redoes those steps, and since every step is idempotent per order, nothing happens twice: one charge, one
/// refund, stock taken and given back exactly once. The order is stored as pending and again when its saga stops, so a
/// checkout writes it twice.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OrderCrashPointTests(ClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Grains;

    private static CrashingGrainStorage Orders => ClusterFixture.OrderStore;

    private static CrashingGrainStorage Payments => ClusterFixture.PaymentStore;

    [Theory]
    [InlineData(1)] // storing the order as pending
    [InlineData(2)] // after reserving stock, the charge and committing stock
    public async Task A_checkout_cut_at_any_write_ends_confirmed_with_one_charge_and_stock_taken_once(int failingWrite)
    {
        var sku = await Checkout.BookAsync(Grains, 10);
        var orderId = Checkout.NewOrderId();
        var command = Checkout.Command(Checkout.NewUser(), null, (sku, 3));
        Orders.FailWrite(orderId, failingWrite);

        await Assert.ThrowsAnyAsync<Exception>(() => Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(command));
        var order = await Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(command);

        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Equal((7, 0, 3L), await Checkout.StockAsync(Grains, sku));
        Assert.Equal(PaymentStatus.Succeeded, (await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync())!.Status);
        Assert.Equal(1, Payments.Writes(orderId));
        Assert.Equal(2, Orders.Writes(orderId));
    }

    [Fact]
    public async Task A_charged_checkout_resumed_after_its_sku_forgot_the_order_takes_the_stock_once()
    {
        // A SKU remembers only its last closed orders (InventoryOptions.ClosedOrderMemory, 32). The fault drill found an
        // order cut after its charge and commit, resumed once more than 32 other orders had closed on its SKU: reserving
        // again found nothing of it there, so it reserved and committed the units a second time.
        var sku = await Checkout.BookAsync(Grains, 100);
        var orderId = Checkout.NewOrderId();
        var command = Checkout.Command(Checkout.NewUser(), null, (sku, 3));
        Orders.FailWrite(orderId, 2);
        await Assert.ThrowsAnyAsync<Exception>(() => Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(command));
        Assert.Equal((97, 0, 3L), await Checkout.StockAsync(Grains, sku));
        var inventory = Grains.GetGrain<IInventorySkuGrain>(sku);
        for (var n = 0; n < 40; n++)
        {
            var other = Checkout.NewOrderId();
            await inventory.ReserveAsync(other, 1, TimeSpan.FromMinutes(5));
            await inventory.ReleaseAsync(other);
        }

        var order = await Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(command);

        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Equal((97, 0, 3L), await Checkout.StockAsync(Grains, sku));
        Assert.Equal(1, Payments.Writes(orderId));
    }

    [Theory]
    [InlineData(2)] // storing the failed payment, after the declined charge and releasing stock
    public async Task A_declined_checkout_cut_at_any_write_ends_failed_with_every_unit_back(int failingWrite)
    {
        var sku = await Checkout.BookAsync(Grains, 10);
        var orderId = Checkout.NewOrderId();
        Orders.FailWrite(orderId, failingWrite);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(Checkout.Command(Checkout.NewUser(), "tok_decline", (sku, 3))));
        var order = await Grains.GetGrain<IOrderGrain>(orderId).ResumeAsync();

        Assert.Equal(OrderStatus.PaymentFailed, order!.Status);
        Assert.Equal((10, 0, 0L), await Checkout.StockAsync(Grains, sku));
        Assert.Equal(1, Payments.Writes(orderId));
    }

    [Theory]
    [InlineData(3)] // storing the cancellation
    [InlineData(4)] // after the refund and returning the units
    public async Task A_cancellation_cut_at_any_write_refunds_once_and_returns_the_units_once(int failingWrite)
    {
        var sku = await Checkout.BookAsync(Grains, 10);
        var orderId = Checkout.NewOrderId();
        var grain = Grains.GetGrain<IOrderGrain>(orderId);
        await grain.PlaceAsync(Checkout.Command(Checkout.NewUser(), null, (sku, 4)));
        Orders.FailWrite(orderId, failingWrite);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.CancelAsync());
        var order = await grain.CancelAsync();

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal((10, 0, 0L), await Checkout.StockAsync(Grains, sku));
        Assert.Equal(PaymentStatus.Refunded, (await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync())!.Status);
        Assert.Equal(2, Payments.Writes(orderId)); // the charge and the one refund
    }

    [Fact]
    public async Task The_due_work_sweep_finishes_a_saga_that_nobody_calls_again()
    {
        var sku = await Checkout.BookAsync(Grains, 10);
        var orderId = Checkout.NewOrderId();
        Orders.FailWrite(orderId, 2);
        await Assert.ThrowsAnyAsync<Exception>(() =>
            Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(Checkout.Command(Checkout.NewUser(), null, (sku, 2))));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        OrderView? order;
        do
        {
            await Task.Delay(200);
            order = await Grains.GetGrain<IOrderGrain>(orderId).GetAsync();
        }
        while (order?.Status != OrderStatus.Confirmed && DateTime.UtcNow < deadline);

        Assert.Equal(OrderStatus.Confirmed, order?.Status);
        Assert.Equal((8, 0, 2L), await Checkout.StockAsync(Grains, sku));
        Assert.Equal(1, Payments.Writes(orderId));
    }
}
