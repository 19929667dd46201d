using K8Shop.Contracts.Events;
using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Rules;
using static K8Shop.GrainTests.Inventory.TestSkus;

namespace K8Shop.GrainTests.Inventory;

[Collection(ClusterCollection.Name)]
public sealed class InventoryApplyGrainTests(ClusterFixture cluster)
{
    private IInventoryApplyGrain Apply => cluster.Grains.GetGrain<IInventoryApplyGrain>(0);

    private IInventorySkuGrain Sku(string sku) => cluster.Grains.GetGrain<IInventorySkuGrain>(sku);

    private Task<string> NewSku(int stock) => CreateAsync(cluster.Grains, stock);

    private static string NewOrder() => $"order-{Guid.NewGuid():N}";

    [Fact]
    public async Task Apply_EveryLineAvailable_AppliesAndSellsEachLine()
    {
        var (first, second) = (await NewSku(10), await NewSku(5));

        var result = await Apply.ApplyAsync(NewOrder(), [new StockLine(first, 3), new StockLine(second, 5)]);

        Assert.True(result.Applied);
        Assert.Empty(result.ShortSkus);
        Assert.Equal((7, 0, 3L, 7), Counters(await Sku(first).GetAsync()));
        Assert.Equal((0, 0, 5L, 0), Counters(await Sku(second).GetAsync()));
    }

    [Fact]
    public async Task Apply_OneLineShort_TakesNothingAndNamesTheShortSku()
    {
        var (enough, scarce, also) = (await NewSku(10), await NewSku(2), await NewSku(4));

        var result = await Apply.ApplyAsync(NewOrder(), [new StockLine(enough, 3), new StockLine(scarce, 5), new StockLine(also, 4)]);

        Assert.False(result.Applied);
        Assert.Equal([scarce], result.ShortSkus.AsEnumerable());
        Assert.Equal((10, 0, 0L, 10), Counters(await Sku(enough).GetAsync()));
        Assert.Equal((2, 0, 0L, 2), Counters(await Sku(scarce).GetAsync()));
        Assert.Equal((4, 0, 0L, 4), Counters(await Sku(also).GetAsync()));
    }

    [Fact]
    public async Task Apply_SameOrderTwice_TakesTheStockOnce()
    {
        var (first, second) = (await NewSku(10), await NewSku(10));
        var order = NewOrder();
        StockLine[] lines = [new(first, 3), new(second, 1)];

        var once = await Apply.ApplyAsync(order, lines);
        var twice = await Apply.ApplyAsync(order, lines);

        Assert.Equal((true, true), (once.Applied, twice.Applied));
        Assert.Equal((7, 0, 3L, 7), Counters(await Sku(first).GetAsync()));
        Assert.Equal((9, 0, 1L, 9), Counters(await Sku(second).GetAsync()));
    }

    [Fact]
    public async Task Apply_LineForASkuNotInTheCatalog_ThrowsNotFoundAndReleasesTheOtherLines()
    {
        var known = await NewSku(10);
        var unknown = $"NO-SUCH-{Guid.NewGuid():N}".ToUpperInvariant();

        var error = await Assert.ThrowsAsync<InventoryRuleException>(() => Apply.ApplyAsync(NewOrder(), [new StockLine(known, 3), new StockLine(unknown, 1)]));

        Assert.True(error.NotFound);
        Assert.Equal((10, 0, 0L, 10), Counters(await Sku(known).GetAsync()));
    }

    [Fact]
    public async Task Apply_TwoOrdersForTheLastUnitsAtOnce_OnlyOneIsApplied()
    {
        var sku = await NewSku(3);

        var results = await Task.WhenAll(
            Apply.ApplyAsync(NewOrder(), [new StockLine(sku, 2)]),
            Apply.ApplyAsync(NewOrder(), [new StockLine(sku, 2)]));

        Assert.Equal(1, results.Count(r => r.Applied));
        Assert.Equal((1, 0, 2L, 1), Counters(await Sku(sku).GetAsync()));
    }

    [Fact]
    public async Task Apply_LineSkuInLowerCase_TakesFromTheSameStockAsItsUpperCaseSku()
    {
        var sku = await NewSku(3);

        var lower = await Apply.ApplyAsync(NewOrder(), [new StockLine(sku.ToLowerInvariant(), 3)]);
        var upper = await Apply.ApplyAsync(NewOrder(), [new StockLine(sku, 3)]);

        Assert.True(lower.Applied);
        Assert.False(upper.Applied, "the same 3 units were sold twice: once through the lower-case key, once through the upper-case key");
        Assert.Equal((0, 0, 3L, 0), Counters(await Sku(sku).GetAsync()));
    }

    [Theory]
    [InlineData(1_001)]
    [InlineData(ShopLimits.Inventory.MaxStock)]
    public async Task Apply_LargeQuantityWithinAnyStockButNotThisOne_IsInventoryFailedOutOfStockAndTakesNothing(int quantity)
    {
        var (plenty, scarce) = (await NewSku(10), await NewSku(1_000));
        var order = NewOrder();
        var events = await EventRecorder.SubscribeAsync(cluster.Client, "inventory", order);

        var result = await Apply.ApplyAsync(order, [new StockLine(plenty, 1), new StockLine(scarce, quantity)]);

        Assert.False(result.Applied);
        Assert.Equal([scarce], result.ShortSkus.AsEnumerable());
        Assert.Equal((10, 0, 0L, 10), Counters(await Sku(plenty).GetAsync()));
        Assert.Equal((1_000, 0, 0L, 1_000), Counters(await Sku(scarce).GetAsync()));
        var failed = Assert.IsType<InventoryUpdatedEvent>(Assert.Single(await EventRecorder.WaitForAsync(events, 1, settle: true)));
        Assert.Equal(("inventory.failed", "out_of_stock"), (failed.Status, failed.Reason));
    }

    [Fact]
    public async Task Apply_LargeQuantityTheStockHolds_IsApplied()
    {
        var sku = await NewSku(5_000);

        var result = await Apply.ApplyAsync(NewOrder(), [new StockLine(sku, 4_000)]);

        Assert.True(result.Applied);
        Assert.Equal((1_000, 0, 4_000L, 1_000), Counters(await Sku(sku).GetAsync()));
    }

    [Fact]
    public async Task Apply_QuantityAboveTheLargestStock_ThrowsOnQtyBeforeAnythingIsStoredOrTaken()
    {
        var sku = await NewSku(10);
        var order = NewOrder();

        var error = await Assert.ThrowsAsync<InventoryRuleException>(() => Apply.ApplyAsync(order, [new StockLine(sku, ShopLimits.Inventory.MaxStock + 1)]));
        var retried = await Apply.ApplyAsync(order, [new StockLine(sku, 2)]);

        Assert.Equal(("qty", false), (error.Field, error.NotFound));
        Assert.True(retried.Applied, "the refused lines were stored: the order's later apply replayed them instead of its own");
        Assert.Equal((8, 0, 2L, 8), Counters(await Sku(sku).GetAsync()));
    }
}
