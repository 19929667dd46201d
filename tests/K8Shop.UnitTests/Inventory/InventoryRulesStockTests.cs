using K8Shop.Contracts.Inventory;
using K8Shop.Grains.Inventory;
using static K8Shop.UnitTests.Inventory.InventoryRulesTestData;

namespace K8Shop.UnitTests.Inventory;

/// <summary>InventoryRules.SetStock and Restock.</summary>
public sealed class InventoryRulesStockTests
{
    [Fact]
    public void SetStock_BelowReserved_ThrowsOnStock()
    {
        var state = Reserved(Stock(10), "order-1", 6);

        var error = Assert.Throws<InventoryRuleException>(() => InventoryRules.SetStock(state, 5, null, Now));

        Assert.Equal("stock", error.Field);
    }

    [Fact]
    public void SetStock_Negative_ThrowsOnStock()
    {
        var error = Assert.Throws<InventoryRuleException>(() => InventoryRules.SetStock(Stock(10), -1, null, Now));

        Assert.Equal("stock", error.Field);
    }

    [Fact]
    public void SetStock_NegativeThreshold_ThrowsOnLowStockThreshold()
    {
        var error = Assert.Throws<InventoryRuleException>(() => InventoryRules.SetStock(Stock(10), 10, -1, Now));

        Assert.Equal("low_stock_threshold", error.Field);
    }

    [Fact]
    public void SetStock_EqualToReservedWithoutAThreshold_SetsOnHandAndKeepsTheThreshold()
    {
        var state = Reserved(Stock(10, lowStockThreshold: 7), "order-1", 6);

        var next = InventoryRules.SetStock(state, 6, null, Now);

        Assert.Equal((6, 6, 0L, 0), Counters(next));
        Assert.Equal((7, Now), (next.LowStockThreshold, next.UpdatedAt));
        Assert.Equal(state.Reservations, next.Reservations);
    }

    [Fact]
    public void SetStock_StateNotYetInitialized_InitializesItWithTheThreshold()
    {
        var next = InventoryRules.SetStock(new InventoryState(), 12, 3, Now);

        Assert.True(next.Initialized);
        Assert.Equal((12, 3), (next.OnHand, next.LowStockThreshold));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public void Restock_QuantityNotPositive_ThrowsOnQuantity(int quantity)
    {
        var error = Assert.Throws<InventoryRuleException>(() => InventoryRules.Restock(Stock(10), quantity, Now));

        Assert.Equal("quantity", error.Field);
    }

    [Fact]
    public void Restock_PositiveQuantity_AddsToOnHandAndKeepsReservations()
    {
        var next = InventoryRules.Restock(Reserved(Stock(10), "order-1", 4), 5, Now);

        Assert.Equal((15, 4, 0L, 11), Counters(next));
    }

    [Fact]
    public void Restock_PastTheLargestInt_ThrowsOnQuantity()
    {
        var error = Assert.Throws<InventoryRuleException>(() => InventoryRules.Restock(Stock(int.MaxValue - 1), 2, Now));

        Assert.Equal("quantity", error.Field);
    }
}
