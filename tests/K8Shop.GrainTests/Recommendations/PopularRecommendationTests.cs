using static K8Shop.GrainTests.Recommendations.RecommendationBooks;

namespace K8Shop.GrainTests.Recommendations;

/// <summary>The sales ranking, fed by order events published to the "orders" stream, and the popular strategy on it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PopularRecommendationTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Popular_AfterConfirmedOrderEvents_RanksTheMostSoldBooksFirst()
    {
        var (a, b) = (await BookAsync(Grains, [NewTag()]), await BookAsync(Grains, [NewTag()]));
        var top = await TopUnitsAsync(Grains);

        await PublishAsync(fixture.Client, OrderEvent("order.confirmed", "o-" + Guid.NewGuid(), (b.Sku, (int)top + 10)), "o-b");
        await PublishAsync(fixture.Client, OrderEvent("order.confirmed", "o-" + Guid.NewGuid(), (a.Sku.ToLowerInvariant(), (int)top + 20)), "o-a");
        await WaitForUnitsAsync(Grains, a.Sku, top + 20);
        await WaitForUnitsAsync(Grains, b.Sku, top + 10);
        var result = await RecommendAsync(Grains, "popular", 2);

        Assert.Equal("popular", result.Strategy);
        Assert.Equal([a.Sku, b.Sku], Skus(result));
        Assert.Equal(a.Id, result.Items[0].Id);
        Assert.Equal(1.0, result.Items[0].Score);
        Assert.InRange(result.Items[1].Score, 0.5, 0.99);
    }

    [Fact]
    public async Task Popular_RedeliveredOrderEvent_CountsOnce()
    {
        var book = await BookAsync(Grains, [NewTag()]);
        var confirmed = OrderEvent("order.confirmed", "o-" + Guid.NewGuid(), (book.Sku, 3));
        var streamKey = confirmed.OrderId;

        await PublishAsync(fixture.Client, confirmed, streamKey);
        await PublishAsync(fixture.Client, confirmed, streamKey);
        // A later event on the same stream arrives after both: once it is counted, so is everything before it.
        await PublishAsync(fixture.Client, OrderEvent("order.confirmed", "o-" + Guid.NewGuid(), (book.Sku, 1)), streamKey);

        await WaitForUnitsAsync(Grains, book.Sku, 4);
    }

    [Fact]
    public async Task Popular_CancelledOrder_TakesItsUnitsBack()
    {
        var book = await BookAsync(Grains, [NewTag()]);
        var orderId = "o-" + Guid.NewGuid();
        await PublishAsync(fixture.Client, OrderEvent("order.confirmed", orderId, (book.Sku, 5)), orderId);
        await PublishAsync(fixture.Client, OrderEvent("order.confirmed", "o-" + Guid.NewGuid(), (book.Sku, 2)), orderId);
        await WaitForUnitsAsync(Grains, book.Sku, 7);

        await PublishAsync(fixture.Client, OrderEvent("order.cancelled", orderId, (book.Sku, 5)), orderId);

        await WaitForUnitsAsync(Grains, book.Sku, 2);
    }

    [Fact]
    public async Task Popular_CatalogBooksFillTheListAndEveryItemIsACatalogBook()
    {
        var result = await RecommendAsync(Grains, null, 50);
        var catalog = Grains.GetGrain<K8Shop.Contracts.Catalog.ICatalogGrain>(0);

        Assert.Equal("popular", result.Strategy);
        Assert.Equal(50, result.Items.Length);
        Assert.Equal(50, result.Items.Select(i => i.Id).Distinct().Count());
        foreach (var item in result.Items.Take(10))
            Assert.Equal(item.Sku, (await catalog.FindAsync(item.Id.ToString()))?.Sku);
        Assert.All(result.Items.Zip(result.Items.Skip(1)), p => Assert.True(p.First.Score >= p.Second.Score));
    }
}
