using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Recommendations;
using K8Shop.GrainTests.Recommendations;

namespace K8Shop.GrainTests.Orders;

/// <summary>End to end in the cluster: a placed and confirmed order's own event feeds the sales ranking; its cancellation takes the units back.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OrderSalesTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_confirmed_order_counts_its_units_as_sold_and_its_cancellation_takes_them_back()
    {
        var sku = await Checkout.BookAsync(cluster.Grains, 10);
        var order = cluster.Grains.GetGrain<IOrderGrain>(Checkout.NewOrderId());

        await order.PlaceAsync(Checkout.Command(Checkout.NewUser(), null, (sku, 3)));
        await RecommendationBooks.WaitForUnitsAsync(cluster.Grains, sku, 3);
        await order.CancelAsync();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        long units;
        do
        {
            await Task.Delay(50);
            units = (await cluster.Grains.GetGrain<IPopularityGrain>(0).GetRankingAsync()).Skus
                .FirstOrDefault(s => string.Equals(s.Sku, sku, StringComparison.OrdinalIgnoreCase))?.Units ?? 0;
        }
        while (units != 0 && DateTime.UtcNow < deadline);
        Assert.Equal(0, units);
    }
}
