using K8Shop.Contracts.Inventory;
using K8Shop.Grains.Inventory;
using static K8Shop.UnitTests.Inventory.InventoryRulesTestData;

namespace K8Shop.UnitTests.Inventory;

/// <summary>InventoryRules.Expire and HasExpired, and the view that counts due reservations as available.</summary>
public sealed class InventoryRulesExpiryViewTests
{
    // Expire

    [Fact]
    public void Expire_SomeReservationsDue_ReturnsExactlyThoseWithExpiryAtOrBeforeNow()
    {
        var state = Reserved(Reserved(Reserved(Stock(10), "past", 1, Now.AddMinutes(-1)), "due-now", 2, Now), "future", 4, Now.AddSeconds(1));

        var next = InventoryRules.Expire(state, Now, Limits);

        Assert.Equal(["future"], next.Reservations.Keys);
        Assert.Equal((10, 4, 0L, 6), Counters(next));
        Assert.Equal(
            [new ClosedOrder("due-now", ClosedAs.Expired, 2), new ClosedOrder("past", ClosedAs.Expired, 1)],
            next.Closed.OrderBy(c => c.OrderId, StringComparer.Ordinal));
    }

    [Fact]
    public void Expire_NothingDue_ReturnsTheSameState()
    {
        var state = Reserved(Stock(10), "order-1", 3, Now.AddSeconds(1));

        var next = InventoryRules.Expire(state, Now, Limits);

        Assert.Same(state, next);
        Assert.False(InventoryRules.HasExpired(state, Now));
    }

    [Fact]
    public void HasExpired_ReservationExpiringExactlyNow_IsTrue()
    {
        Assert.True(InventoryRules.HasExpired(Reserved(Stock(10), "order-1", 3, Now), Now));
    }

    [Fact]
    public void Commit_AfterItsReservationExpired_AnswersNotReserved()
    {
        var expired = InventoryRules.Expire(Reserved(Stock(10), "order-1", 3, Now), Now, Limits);

        var (next, result) = Commit(expired, "order-1");

        Assert.Same(expired, next);
        Assert.Equal(ReservationStatus.NotReserved, result.Status);
        Assert.Equal((10, 0, 0L, 10), Counters(next));
    }

    // View

    [Fact]
    public void View_ReservationPastItsExpiry_ShowsItsUnitsAvailableWithoutChangingTheState()
    {
        var state = Reserved(Reserved(Stock(10), "late", 3, Now.AddSeconds(-1)), "live", 2, Now.AddMinutes(1));

        var view = InventoryRules.View(Sku, state, Now, Limits);

        Assert.Equal((10, 2, 0L, 8), (view.OnHand, view.Reserved, view.Committed, view.Available));
        Assert.Equal(5, state.Reserved);
        Assert.Equal(2, state.Reservations.Count);
    }

    [Fact]
    public void View_NothingExpired_ReportsTheStateWithAvailableAsOnHandMinusReserved()
    {
        var state = Commit(Reserved(Reserved(Stock(20, lowStockThreshold: 3), "a", 4), "b", 6), "a").State;

        var view = InventoryRules.View(Sku, state, Now, Limits);

        Assert.Equal(new InventoryView(Sku, 16, 6, 4, 3, Now), view);
        Assert.Equal(10, view.Available);
    }

    [Theory]
    [InlineData(5, 5, true)]
    [InlineData(6, 5, false)]
    [InlineData(0, 0, true)]
    public void View_AvailableAgainstTheThreshold_IsLowStockWhenAtOrBelowIt(int available, int threshold, bool lowStock)
    {
        var view = InventoryRules.View(Sku, Reserved(Stock(available + 2, threshold), "order-1", 2), Now, Limits);

        Assert.Equal(available, view.Available);
        Assert.Equal(lowStock, view.LowStock);
    }
}
