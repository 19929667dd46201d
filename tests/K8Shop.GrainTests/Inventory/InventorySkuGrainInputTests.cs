using K8Shop.Contracts.Inventory;
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
    [InlineData(1_001)]
    public async Task Reserve_QuantityOutside1To1000_ThrowsOnQtyAndReservesNothing(int quantity)
    {
        var (_, grain) = await NewSku(5_000);

        var error = await Assert.ThrowsAsync<InventoryRuleException>(() => grain.ReserveAsync(NewOrder(), quantity, Ttl));

        Assert.Equal(("qty", false), (error.Field, error.NotFound));
        Assert.Equal(0, (await grain.GetAsync()).Reserved);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(86_401)]
    public async Task Reserve_TimeToLiveOutside1sTo1Day_ThrowsOnTtlSeconds(int seconds)
    {
        var (_, grain) = await NewSku(10);

        var error = await Assert.ThrowsAsync<InventoryRuleException>(() => grain.ReserveAsync(NewOrder(), 1, TimeSpan.FromSeconds(seconds)));

        Assert.Equal("ttl_seconds", error.Field);
        Assert.Equal(0, (await grain.GetAsync()).Reserved);
    }
}
