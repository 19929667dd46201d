using K8Shop.Contracts.Inventory;
using K8Shop.Grains.Inventory;
using static K8Shop.UnitTests.Inventory.InventoryRulesTestData;

namespace K8Shop.UnitTests.Inventory;

/// <summary>InventoryRules.Return: units a cancelled order bought come back once per order id.</summary>
public sealed class InventoryRulesReturnTests
{
    private static readonly InventoryOptions ReturnLimits = new() { ReturnMemory = 2 };

    private static InventoryState Sold(string orderId, int quantity) => Commit(Reserved(Stock(10), orderId, quantity), orderId).State;

    [Fact]
    public void Return_OfACommittedOrder_PutsTheUnitsBackAndTakesThemOffTheSold()
    {
        var (state, change) = InventoryRules.Return(Sold("order-1", 4), Sku, "order-1", 4, Now, ReturnLimits);

        Assert.Equal((10, 0, 0L, 10), Counters(state));
        Assert.Equal((ReservationStatus.Released, 4), (change.Status, change.Quantity));
        Assert.Equal(Now, state.UpdatedAt);
    }

    [Fact]
    public void Return_Repeated_ChangesNothingMore()
    {
        var (once, _) = InventoryRules.Return(Sold("order-1", 4), Sku, "order-1", 4, Now, ReturnLimits);

        var (twice, change) = InventoryRules.Return(once, Sku, "order-1", 4, Now, ReturnLimits);

        Assert.Same(once, twice);
        Assert.Equal((ReservationStatus.Released, 0), (change.Status, change.Quantity));
    }

    [Fact]
    public void Return_RemembersOnlyTheLastFewOrders()
    {
        var state = Stock(10);
        foreach (var order in new[] { "a", "b", "c" })
            state = InventoryRules.Return(state, Sku, order, 1, Now, ReturnLimits).Item1;

        Assert.Equal(["b", "c"], state.Returned);
        Assert.Equal(13, state.OnHand);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_001)]
    public void Return_ABadQuantity_ThrowsOnQtyAndChangesNothing(int quantity)
    {
        var error = Assert.Throws<InventoryRuleException>(() => InventoryRules.Return(Stock(10), Sku, "order-1", quantity, Now, ReturnLimits));

        Assert.Equal("qty", error.Field);
    }
}
