using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;
using K8Shop.Grains.Durability;
using K8Shop.GrainTests.Orders;
using Orleans.Storage;

namespace K8Shop.GrainTests.Durability;

/// <summary>The due-work index: work recorded before it starts, resumed by the partition's sweep after a crash, then forgotten.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DueWorkTests(ClusterFixture cluster)
{
    [Fact]
    public async Task An_order_cut_short_is_in_the_stored_index_with_its_payment_until_the_sweep_has_finished_it()
    {
        var sku = await Checkout.BookAsync(cluster.Grains, 10);
        var orderId = Checkout.NewOrderId();
        var order = cluster.Grains.GetGrain<IOrderGrain>(orderId);
        var payment = cluster.Grains.GetGrain<IPaymentGrain>(orderId);
        // The settled order's write fails, as if the silo died after every step ran: stored pending, and nobody calls again.
        ClusterFixture.OrderStore.FailWrite(orderId, 2);

        await Assert.ThrowsAnyAsync<Exception>(() => order.PlaceAsync(Checkout.Command(Checkout.NewUser(), null, (sku, 2))));

        Assert.Equal(OrderStatus.Pending, (await order.GetAsync())!.Status);
        var due = await StoredIndexAsync(orderId);
        Assert.Contains(order.GetGrainId(), due);
        Assert.Contains(payment.GetGrainId(), due);

        await Eventually(async () => (await order.GetAsync())!.Status == OrderStatus.Confirmed);
        Assert.Equal((8, 0, 2L), await Checkout.StockAsync(cluster.Grains, sku));
        Assert.Equal(1, ClusterFixture.PaymentStore.Writes(orderId));
        // Both leave the index once done, and that is stored too.
        await Eventually(async () => !(await StoredIndexAsync(orderId)).Intersect([order.GetGrainId(), payment.GetGrainId()]).Any());
    }

    [Fact]
    public async Task A_checkout_that_completes_leaves_nothing_due_behind()
    {
        var sku = await Checkout.BookAsync(cluster.Grains, 10);
        var orderId = Checkout.NewOrderId();
        var order = cluster.Grains.GetGrain<IOrderGrain>(orderId);

        Assert.Equal(OrderStatus.Confirmed, (await order.PlaceAsync(Checkout.Command(Checkout.NewUser(), null, (sku, 1)))).Status);

        await Eventually(async () => !(await StoredIndexAsync(orderId)).Intersect([order.GetGrainId(), cluster.Grains.GetGrain<IPaymentGrain>(orderId).GetGrainId()]).Any());
        Assert.Equal(2, ClusterFixture.OrderStore.Writes(orderId));
    }

    private async Task<IReadOnlyList<GrainId>> StoredIndexAsync(string orderId)
    {
        var stored = new GrainState<DueWorkState>();
        await ClusterFixture.OrderStore.ReadStateAsync("dueWork", cluster.Grains.GetGrain<IDueWorkIndexGrain>(DueWork.PartitionOf(orderId)).GetGrainId(), stored);
        return stored.State is null ? [] : [.. stored.State.Items.Select(i => i.Worker)];
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(200);
        }
    }
}
