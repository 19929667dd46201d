using K8Shop.Contracts.Orders;
using K8Shop.Grains.Orders;
using K8Shop.GrainTests.Orders;
using Orleans.Storage;

namespace K8Shop.GrainTests.Durability;

/// <summary>The durability kit's write-or-reload, through the order grain that uses it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WriteOrReloadTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_write_that_conflicts_with_another_writer_changes_nothing_and_the_next_call_reads_what_the_store_holds()
    {
        var sku = await Checkout.BookAsync(cluster.Grains, 10);
        var orderId = Checkout.NewOrderId();
        var grain = cluster.Grains.GetGrain<IOrderGrain>(orderId);
        await grain.PlaceAsync(Checkout.Command(Checkout.NewUser(), null, (sku, 1)));
        // Another writer (a second activation after a split brain, an operator) stores the order shipped behind the grain's back.
        var stored = new GrainState<OrderState>();
        await ClusterFixture.OrderStore.ReadStateAsync("order", grain.GetGrainId(), stored);
        Assert.Equal(OrderStatus.Confirmed, stored.State!.Status);
        stored.State = stored.State with { Status = OrderStatus.Shipped };
        await ClusterFixture.OrderStore.WriteStateAsync("order", grain.GetGrainId(), stored);

        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => grain.CancelAsync());

        Assert.Equal(OrderStatus.Shipped, (await grain.GetAsync())!.Status);
        Assert.Equal((9, 0, 1L), await Checkout.StockAsync(cluster.Grains, sku));
        Assert.Equal(K8Shop.Contracts.Payments.PaymentStatus.Succeeded,
            (await cluster.Grains.GetGrain<K8Shop.Contracts.Payments.IPaymentGrain>(orderId).GetAsync())!.Status);
    }
}
