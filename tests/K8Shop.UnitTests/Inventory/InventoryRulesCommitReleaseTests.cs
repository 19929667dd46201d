using K8Shop.Contracts.Inventory;
using K8Shop.Grains.Inventory;
using static K8Shop.UnitTests.Inventory.InventoryRulesTestData;

namespace K8Shop.UnitTests.Inventory;

/// <summary>InventoryRules.Commit and Release, and the memory of closed orders they keep.</summary>
public sealed class InventoryRulesCommitReleaseTests
{
    // Commit

    [Fact]
    public void Commit_ReservedOrder_SellsItsUnitsAndClosesTheOrder()
    {
        var (next, result) = Commit(Reserved(Stock(10), "order-1", 3), "order-1");

        Assert.Equal((7, 0, 3L, 7), Counters(next));
        Assert.Empty(next.Reservations);
        Assert.Equal([new ClosedOrder("order-1", ClosedAs.Committed, 3)], next.Closed);
        Assert.Equal(new ReservationChange(Sku, "order-1", ReservationStatus.Committed, 3), result);
    }

    [Fact]
    public void Commit_Twice_SecondAnswersCommittedWithTheSameState()
    {
        var once = Commit(Reserved(Stock(10), "order-1", 3), "order-1").State;

        var (twice, result) = Commit(once, "order-1");

        Assert.Same(once, twice);
        Assert.Equal((ReservationStatus.Committed, 3), (result.Status, result.Quantity));
    }

    [Fact]
    public void Commit_OrderThatNeverReserved_AnswersNotReservedAndKeepsTheSameState()
    {
        var state = Reserved(Stock(10), "order-1", 3);

        var (next, result) = Commit(state, "order-2");

        Assert.Same(state, next);
        Assert.Equal((ReservationStatus.NotReserved, 0), (result.Status, result.Quantity));
    }

    [Fact]
    public void Commit_AfterRelease_AnswersNotReservedAndSellsNothing()
    {
        var released = Release(Reserved(Stock(10), "order-1", 3), "order-1").State;

        var (next, result) = Commit(released, "order-1");

        Assert.Same(released, next);
        Assert.Equal(ReservationStatus.NotReserved, result.Status);
        Assert.Equal((10, 0, 0L, 10), Counters(next));
    }

    // Release

    [Fact]
    public void Release_ReservedOrder_ReturnsItsUnitsAndClosesTheOrder()
    {
        var (next, result) = Release(Reserved(Stock(10), "order-1", 3), "order-1");

        Assert.Equal((10, 0, 0L, 10), Counters(next));
        Assert.Empty(next.Reservations);
        Assert.Equal([new ClosedOrder("order-1", ClosedAs.Released, 3)], next.Closed);
        Assert.Equal(new ReservationChange(Sku, "order-1", ReservationStatus.Released, 3), result);
    }

    [Fact]
    public void Release_Twice_SecondAnswersNotReservedAndChangesNothingMore()
    {
        var once = Release(Reserved(Stock(10), "order-1", 3), "order-1").State;

        var (twice, result) = Release(once, "order-1");

        Assert.Same(once, twice);
        Assert.Equal((ReservationStatus.NotReserved, 0), (result.Status, result.Quantity));
    }

    [Fact]
    public void Release_OrderThatNeverReserved_IsRememberedSoItsLaterReserveAnswersOrderClosed()
    {
        var (released, answer) = Release(Stock(10), "order-1");

        var (next, result) = Reserve(released, "order-1", 3);

        Assert.Equal(ReservationStatus.NotReserved, answer.Status);
        Assert.Equal([new ClosedOrder("order-1", ClosedAs.Released, 0)], released.Closed);
        Assert.Same(released, next);
        Assert.Equal(ReservationStatus.OrderClosed, result.Status);
        Assert.Equal((10, 0, 0L, 10), Counters(next));
    }

    [Fact]
    public void Release_AfterCommit_KeepsTheSaleAndTheSameState()
    {
        var committed = Commit(Reserved(Stock(10), "order-1", 3), "order-1").State;

        var (next, result) = Release(committed, "order-1");

        Assert.Same(committed, next);
        Assert.Equal((ReservationStatus.Committed, 0), (result.Status, result.Quantity));
        Assert.Equal((7, 0, 3L, 7), Counters(next));
    }

    // Closed orders

    [Fact]
    public void Closed_ManyOrdersClosed_KeepsOnlyTheNewestClosedOrderMemory()
    {
        var state = Stock(100);
        for (var i = 0; i < 10; i++)
        {
            state = Reserved(state, $"order-{i}", 1);
            state = i % 2 == 0 ? Commit(state, $"order-{i}").State : Release(state, $"order-{i}").State;
        }

        Assert.Equal(Limits.ClosedOrderMemory, state.Closed.Count);
        Assert.Equal(["order-6", "order-7", "order-8", "order-9"], state.Closed.Select(c => c.OrderId));
        Assert.Equal((95, 0, 5L, 95), Counters(state));
    }
}
