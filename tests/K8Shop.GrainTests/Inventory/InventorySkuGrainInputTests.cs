using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Rules;
using static K8Shop.GrainTests.Inventory.TestSkus;

namespace K8Shop.GrainTests.Inventory;

/// <summary>The input rules an inventory SKU grain enforces on a reserve.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InventorySkuGrainInputTests(ClusterFixture cluster)
{
    private Task<(string Sku, IInventorySkuGrain Grain)> NewSku(int stock) => CreateGrainAsync(cluster.Grains, stock);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(ShopLimits.Inventory.MaxStock + 1)]
    public async Task Reserve_QuantityOutside1ToTheLargestStock_ThrowsOnQtyAndReservesNothing(int quantity)
    {
        var (_, grain) = await NewSku(5_000);

        var error = await Assert.ThrowsAsync<InventoryRuleException>(() => grain.ReserveAsync(NewOrder(), quantity, Ttl));

        Assert.Equal(("qty", false), (error.Field, error.NotFound));
        Assert.Equal(0, (await grain.GetAsync()).Reserved);
    }

    [Fact]
    public async Task Reserve_TheLargestStockOfASkuHoldingLess_IsOutOfStockNotAnError()
    {
        var (_, grain) = await NewSku(5_000);

        var result = await grain.ReserveAsync(NewOrder(), ShopLimits.Inventory.MaxStock, Ttl);

        Assert.Equal((ReservationStatus.OutOfStock, 5_000), (result.Status, result.Available));
        Assert.Equal(0, (await grain.GetAsync()).Reserved);
    }

    [Fact]
    public async Task Reserve_TheLargestStockOfASkuHoldingIt_Reserves()
    {
        var (_, grain) = await NewSku(ShopLimits.Inventory.MaxStock);

        var result = await grain.ReserveAsync(NewOrder(), ShopLimits.Inventory.MaxStock, Ttl);

        Assert.Equal((ReservationStatus.Reserved, 0), (result.Status, result.Available));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ShopLimits.Inventory.MaxReservationSeconds + 1)]
    public async Task Reserve_TimeToLiveOutside1sTo1Day_ThrowsOnTtlSeconds(int seconds)
    {
        var (_, grain) = await NewSku(10);

        var error = await Assert.ThrowsAsync<InventoryRuleException>(() => grain.ReserveAsync(NewOrder(), 1, TimeSpan.FromSeconds(seconds)));

        Assert.Equal("ttl_seconds", error.Field);
        Assert.Equal(0, (await grain.GetAsync()).Reserved);
    }
}
