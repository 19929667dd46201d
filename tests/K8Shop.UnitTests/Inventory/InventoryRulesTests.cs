using K8Shop.Contracts.Inventory;
using K8Shop.Grains.Inventory;

namespace K8Shop.UnitTests.Inventory;

public sealed class InventoryRulesTests
{
    private const string Sku = "BOOK-001";
    private static readonly InventoryOptions Limits = new() { MaxActiveReservations = 3, ClosedOrderMemory = 4 };
    private static readonly DateTimeOffset Created = TestData.Epoch.AddDays(-1);
    private static readonly DateTimeOffset Now = TestData.Epoch;
    private static readonly DateTimeOffset Expiry = Now.AddMinutes(15);

    private static InventoryState Stock(int onHand, int lowStockThreshold = 5) =>
        new() { Initialized = true, OnHand = onHand, LowStockThreshold = lowStockThreshold, UpdatedAt = Created };

    private static (InventoryState State, ReservationResult Result) Reserve(InventoryState state, string orderId, int quantity, DateTimeOffset? expiresAt = null) =>
        InventoryRules.Reserve(state, Sku, orderId, quantity, expiresAt ?? Expiry, Now, Limits);

    private static InventoryState Reserved(InventoryState state, string orderId, int quantity, DateTimeOffset? expiresAt = null) =>
        Reserve(state, orderId, quantity, expiresAt).State;

    private static (InventoryState State, ReservationChange Result) Commit(InventoryState state, string orderId) =>
        InventoryRules.Commit(state, Sku, orderId, Now, Limits);

    private static (InventoryState State, ReservationChange Result) Release(InventoryState state, string orderId) =>
        InventoryRules.Release(state, Sku, orderId, Now, Limits);

    private static (int OnHand, int Reserved, long Committed, int Available) Counters(InventoryState s) => (s.OnHand, s.Reserved, s.Committed, s.Available);

    // Reserve

    [Fact]
    public void Reserve_EnoughAvailable_TakesTheUnitsAndRecordsTheReservationWithItsExpiry()
    {
        var (next, result) = Reserve(Stock(10), "order-1", 3);

        Assert.Equal((10, 3, 0L, 7), Counters(next));
        Assert.Equal(new Reservation(3, Expiry.ToUnixTimeSeconds()), next.Reservations["order-1"]);
        Assert.Equal(new ReservationResult(Sku, "order-1", ReservationStatus.Reserved, 3, Expiry, 7), result);
        Assert.Equal(Now, next.UpdatedAt);
    }

    [Fact]
    public void Reserve_ExpiryWithAFractionOfASecond_StoresAndAnswersWholeUnixSeconds()
    {
        var (next, result) = Reserve(Stock(10), "order-1", 1, Expiry.AddMilliseconds(700));

        Assert.Equal(Expiry.ToUnixTimeSeconds(), next.Reservations["order-1"].ExpiresAt);
        Assert.Equal(Expiry, result.ExpiresAt);
    }

    [Fact]
    public void Reserve_SameOrderAgain_ReturnsTheExistingReservationAndTheSameState()
    {
        var first = Reserved(Stock(10), "order-1", 3);

        var (again, result) = Reserve(first, "order-1", 5, Expiry.AddHours(1));

        Assert.Same(first, again);
        Assert.Equal(new ReservationResult(Sku, "order-1", ReservationStatus.Reserved, 3, Expiry, 7), result);
    }

    [Fact]
    public void Reserve_MoreThanAvailable_AnswersOutOfStockAndKeepsTheSameState()
    {
        var state = Reserved(Stock(10), "order-1", 8);

        var (next, result) = Reserve(state, "order-2", 3);

        Assert.Same(state, next);
        Assert.Equal((ReservationStatus.OutOfStock, 3, 2), (result.Status, result.Quantity, result.Available));
        Assert.Null(result.ExpiresAt);
    }

    [Fact]
    public void Reserve_ExactlyTheAvailableUnits_LeavesNoneAvailable()
    {
        var (next, result) = Reserve(Reserved(Stock(10), "order-1", 7), "order-2", 3);

        Assert.Equal(ReservationStatus.Reserved, result.Status);
        Assert.Equal((10, 10, 0L, 0), Counters(next));
    }

    [Fact]
    public void Reserve_AtMaxActiveReservations_ThrowsBusyForTheSku()
    {
        var state = Reserved(Reserved(Reserved(Stock(10), "a", 1), "b", 1), "c", 1);

        var error = Assert.Throws<InventoryBusyException>(() => Reserve(state, "d", 1));

        Assert.Equal(Sku, error.Sku);
        Assert.Equal(Limits.MaxActiveReservations, state.Reservations.Count);
    }

    [Fact]
    public void Reserve_AtMaxActiveReservationsForAnOrderAlreadyHeld_ReturnsItsReservation()
    {
        var state = Reserved(Reserved(Reserved(Stock(10), "a", 1), "b", 2), "c", 1);

        var (next, result) = Reserve(state, "b", 1);

        Assert.Same(state, next);
        Assert.Equal((ReservationStatus.Reserved, 2), (result.Status, result.Quantity));
    }

    [Fact]
    public void Reserve_AfterCommit_AnswersCommittedAndTakesNothing()
    {
        var committed = Commit(Reserved(Stock(10), "order-1", 3), "order-1").State;

        var (next, result) = Reserve(committed, "order-1", 3);

        Assert.Same(committed, next);
        Assert.Equal((ReservationStatus.Committed, 3), (result.Status, result.Quantity));
        Assert.Equal((7, 0, 3L, 7), Counters(next));
    }

    [Fact]
    public void Reserve_AfterRelease_AnswersOrderClosedAndTakesNothing()
    {
        var released = Release(Reserved(Stock(10), "order-1", 3), "order-1").State;

        var (next, result) = Reserve(released, "order-1", 3);

        Assert.Same(released, next);
        Assert.Equal(ReservationStatus.OrderClosed, result.Status);
        Assert.Equal((10, 0, 0L, 10), Counters(next));
    }

    [Fact]
    public void Reserve_AfterItsReservationExpired_AnswersOrderClosed()
    {
        var expired = InventoryRules.Expire(Reserved(Stock(10), "order-1", 3, Now.AddSeconds(-1)), Now, Limits);

        var (next, result) = Reserve(expired, "order-1", 3);

        Assert.Same(expired, next);
        Assert.Equal(ReservationStatus.OrderClosed, result.Status);
    }

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

    // SetStock and Restock

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
