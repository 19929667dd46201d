using K8Shop.Contracts.Inventory;
using static K8Shop.GrainTests.Inventory.TestSkus;

namespace K8Shop.GrainTests.Inventory;

/// <summary>An inventory SKU grain's stock: what it starts with, selling out, and setting or adding stock.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InventorySkuGrainStockTests(ClusterFixture cluster)
{
    private Task<(string Sku, IInventorySkuGrain Grain)> NewSku(int stock) => CreateGrainAsync(cluster.Grains, stock);

    // First stock

    [Fact]
    public async Task Get_SeedSku_StartsWithTheCatalogStock()
    {
        var view = await cluster.Grains.GetGrain<IInventorySkuGrain>("BOOK-001").GetAsync();

        Assert.Equal(("BOOK-001", 45, 0, 0L), (view.Sku, view.OnHand, view.Reserved, view.Committed));
    }

    [Fact]
    public async Task Get_ProductJustAdded_StartsWithItsStockAndTheDefaultThreshold()
    {
        var (sku, grain) = await NewSku(12);

        var view = await grain.GetAsync();

        Assert.Equal(sku, view.Sku);
        Assert.Equal((12, 0, 0L, 12), Counters(view));
        Assert.Equal(ClusterFixture.InventoryLimits.DefaultLowStockThreshold, view.LowStockThreshold);
    }

    [Fact]
    public async Task Get_SkuNotInTheCatalog_ThrowsNotFoundOnSku()
    {
        var grain = cluster.Grains.GetGrain<IInventorySkuGrain>($"NO-SUCH-{Guid.NewGuid():N}".ToUpperInvariant());

        var error = await Assert.ThrowsAsync<InventoryRuleException>(grain.GetAsync);

        Assert.Equal(("sku", true), (error.Field, error.NotFound));
    }

    [Fact]
    public async Task Reserve_SkuNotInTheCatalog_ThrowsNotFound()
    {
        var grain = cluster.Grains.GetGrain<IInventorySkuGrain>($"NO-SUCH-{Guid.NewGuid():N}".ToUpperInvariant());

        var error = await Assert.ThrowsAsync<InventoryRuleException>(() => grain.ReserveAsync(NewOrder(), 1, Ttl));

        Assert.True(error.NotFound);
    }

    // Sold out

    [Fact]
    public async Task Reserve_SoldOutSku_AnswersOutOfStockAndLeavesTheStateUntouched()
    {
        var (_, grain) = await NewSku(2);
        await grain.ReserveAsync(NewOrder(), 2, Ttl);
        var soldOut = await grain.GetAsync();

        cluster.Clock.Advance(TimeSpan.FromSeconds(5));
        var refused = await grain.ReserveAsync(NewOrder(), 1, Ttl);
        var after = await grain.GetAsync();

        Assert.Equal((ReservationStatus.OutOfStock, 0), (refused.Status, refused.Available));
        Assert.Null(refused.ExpiresAt);
        Assert.Equal(soldOut, after);
    }

    [Fact]
    public async Task Reserve_MoreThanAvailable_AnswersOutOfStockWithWhatIsAvailable()
    {
        var (_, grain) = await NewSku(5);

        var refused = await grain.ReserveAsync(NewOrder(), 6, Ttl);

        Assert.Equal((ReservationStatus.OutOfStock, 6, 5), (refused.Status, refused.Quantity, refused.Available));
        Assert.Equal((5, 0, 0L, 5), Counters(await grain.GetAsync()));
    }

    // Stock setting

    [Fact]
    public async Task SetStock_BelowReserved_ThrowsOnStockAndChangesNothing()
    {
        var (_, grain) = await NewSku(10);
        await grain.ReserveAsync(NewOrder(), 6, Ttl);
        var before = await grain.GetAsync();

        var error = await Assert.ThrowsAsync<InventoryRuleException>(() => grain.SetStockAsync(5, 2));

        Assert.Equal("stock", error.Field);
        Assert.Equal(before, await grain.GetAsync());
    }

    [Fact]
    public async Task SetStock_AboveReserved_SetsOnHandAndThreshold()
    {
        var (_, grain) = await NewSku(10);
        await grain.ReserveAsync(NewOrder(), 6, Ttl);

        var view = await grain.SetStockAsync(8, 2);

        Assert.Equal((8, 6, 0L, 2), Counters(view));
        Assert.True(view.LowStock);
        Assert.Equal(view, await grain.GetAsync());
    }

    [Fact]
    public async Task Restock_PositiveQuantity_AddsToOnHand()
    {
        var (_, grain) = await NewSku(10);

        var view = await grain.RestockAsync(15);

        Assert.Equal((25, 0, 0L, 25), Counters(view));
    }

    [Fact]
    public async Task Restock_Zero_ThrowsOnQuantityAndChangesNothing()
    {
        var (_, grain) = await NewSku(10);

        var error = await Assert.ThrowsAsync<InventoryRuleException>(() => grain.RestockAsync(0));

        Assert.Equal("quantity", error.Field);
        Assert.Equal(10, (await grain.GetAsync()).OnHand);
    }
}
