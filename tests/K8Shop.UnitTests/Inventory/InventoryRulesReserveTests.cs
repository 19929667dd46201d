using K8Shop.Contracts.Inventory;
using K8Shop.Grains.Inventory;
using static K8Shop.UnitTests.Inventory.InventoryRulesTestData;

namespace K8Shop.UnitTests.Inventory;

/// <summary>InventoryRules.Reserve: taking units, answering again for the same order, and refusing.</summary>
public sealed class InventoryRulesReserveTests
{
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
}
