using System.Text.Json;
using K8Shop.Contracts.Inventory;
using K8Shop.Grains.Inventory;

namespace K8Shop.UnitTests.Inventory;

/// <summary>The stored item stays small whatever number of orders passes through (DynamoDB items are capped at 400 KB).</summary>
public sealed class InventoryStateSizeTests
{
    private const string Sku = "BOOK-001";
    private static readonly InventoryOptions Defaults = new();
    private static readonly DateTimeOffset Now = TestData.Epoch;

    private static int StoredBytes(InventoryState state) => JsonSerializer.SerializeToUtf8Bytes(state, JsonSerializerOptions.Web).Length;

    private static InventoryState Stock(int onHand) =>
        new() { Initialized = true, OnHand = onHand, LowStockThreshold = Defaults.DefaultLowStockThreshold, UpdatedAt = Now };

    [Fact]
    public void Serialized_AfterTenThousandOrdersReservedThenClosed_IsUnder8KB()
    {
        var random = new Random(7);
        var state = Stock(1_000_000);
        long sold = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var orderId = Guid.NewGuid().ToString();
            var at = Now.AddSeconds(i);
            (state, var reserved) = InventoryRules.Reserve(state, Sku, orderId, random.Next(1, 4), at.AddMinutes(15), at, Defaults);
            Assert.Equal(ReservationStatus.Reserved, reserved.Status);
            if (i % 2 == 0)
            {
                (state, var committed) = InventoryRules.Commit(state, Sku, orderId, at, Defaults);
                sold += committed.Quantity;
            }
            else
            {
                state = InventoryRules.Release(state, Sku, orderId, at, Defaults).Item1;
            }
        }

        Assert.InRange(StoredBytes(state), 1, 8 * 1024 - 1);
        Assert.Empty(state.Reservations);
        Assert.Equal(Defaults.ClosedOrderMemory, state.Closed.Count);
        Assert.Equal((1_000_000 - sold, 0, sold), (state.OnHand, state.Reserved, state.Committed));
    }

    [Fact]
    public void Serialized_MaxActiveReservationsOpenWith36CharacterOrderIds_IsUnder200KB()
    {
        var state = Stock(10_000_000);
        for (var i = 0; i < Defaults.MaxActiveReservations; i++)
        {
            var orderId = Guid.NewGuid().ToString();
            state = InventoryRules.Reserve(state, Sku, orderId, 1_000 - i % 7, Now.AddDays(1), Now, Defaults).Item1;
        }

        Assert.Equal(2_000, state.Reservations.Count);
        Assert.All(state.Reservations.Keys, k => Assert.Equal(36, k.Length));
        Assert.InRange(StoredBytes(state), 2_000 * 36, 200 * 1024 - 1);
    }

    [Fact]
    public void Reserve_OneMoreThanMaxActiveReservations_ThrowsBusySoTheItemCannotGrow()
    {
        var state = Stock(1_000_000);
        for (var i = 0; i < Defaults.MaxActiveReservations; i++)
            state = InventoryRules.Reserve(state, Sku, $"order-{i}", 1, Now.AddDays(1), Now, Defaults).Item1;

        Assert.Throws<InventoryBusyException>(() => InventoryRules.Reserve(state, Sku, "one-too-many", 1, Now.AddDays(1), Now, Defaults));
        Assert.Equal(Defaults.MaxActiveReservations, state.Reserved);
    }
}
