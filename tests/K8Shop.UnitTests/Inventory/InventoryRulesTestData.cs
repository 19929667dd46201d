using K8Shop.Contracts.Inventory;
using K8Shop.Grains.Inventory;

namespace K8Shop.UnitTests.Inventory;

/// <summary>The SKU, limits, clock, stock builder and rule calls every InventoryRules test shares.</summary>
internal static class InventoryRulesTestData
{
    public const string Sku = "BOOK-001";
    public static readonly InventoryOptions Limits = new() { MaxActiveReservations = 3, ClosedOrderMemory = 4 };
    public static readonly DateTimeOffset Created = TestData.Epoch.AddDays(-1);
    public static readonly DateTimeOffset Now = TestData.Epoch;
    public static readonly DateTimeOffset Expiry = Now.AddMinutes(15);

    public static InventoryState Stock(int onHand, int lowStockThreshold = 5) =>
        new() { Initialized = true, OnHand = onHand, LowStockThreshold = lowStockThreshold, UpdatedAt = Created };

    public static (InventoryState State, ReservationResult Result) Reserve(InventoryState state, string orderId, int quantity, DateTimeOffset? expiresAt = null) =>
        InventoryRules.Reserve(state, Sku, orderId, quantity, expiresAt ?? Expiry, Now, Limits);

    public static InventoryState Reserved(InventoryState state, string orderId, int quantity, DateTimeOffset? expiresAt = null) =>
        Reserve(state, orderId, quantity, expiresAt).State;

    public static (InventoryState State, ReservationChange Result) Commit(InventoryState state, string orderId) =>
        InventoryRules.Commit(state, Sku, orderId, Now, Limits);

    public static (InventoryState State, ReservationChange Result) Release(InventoryState state, string orderId) =>
        InventoryRules.Release(state, Sku, orderId, Now, Limits);

    public static (int OnHand, int Reserved, long Committed, int Available) Counters(InventoryState s) => (s.OnHand, s.Reserved, s.Committed, s.Available);
}
