namespace K8Shop.Contracts.Inventory;

/// <summary>
/// The stock of one SKU (key: the SKU in upper case): units on hand, reservations per order with an expiry,
/// commits and releases. Concurrent changes share one storage write (group commit); nothing is answered
/// before the write that holds it succeeded.
/// </summary>
public interface IInventorySkuGrain : IGrainWithStringKey
{
    /// <summary>Units on hand, reserved and available, with expired reservations already returned.</summary>
    Task<InventoryView> GetAsync();

    /// <summary>Reserves quantity for an order until it expires; the same order reserving again gets its existing reservation.</summary>
    Task<ReservationResult> ReserveAsync(string orderId, int quantity, TimeSpan timeToLive);

    /// <summary>Sells an order's reserved units; repeating it changes nothing more.</summary>
    Task<ReservationChange> CommitAsync(string orderId);

    /// <summary>Returns an order's reserved units to stock; repeating it changes nothing more.</summary>
    Task<ReservationChange> ReleaseAsync(string orderId);

    /// <summary>Sets the units on hand (never below what is reserved) and, optionally, the low-stock threshold.</summary>
    Task<InventoryView> SetStockAsync(int onHand, int? lowStockThreshold = null);

    /// <summary>Adds received units.</summary>
    Task<InventoryView> RestockAsync(int quantity);

    /// <summary>
    /// Takes back units an order bought (its cancellation after commit): they return to stock once per order id;
    /// repeating it changes nothing more.
    /// </summary>
    Task<ReservationChange> ReturnAsync(string orderId, int quantity);
}

/// <summary>Runs the original's all-or-nothing <c>POST /inventory/apply</c> over several SKUs.</summary>
public interface IInventoryApplyGrain : IGrainWithIntegerKey
{
    /// <summary>Takes every line's stock for the order, or none of it; true when all lines were taken.</summary>
    Task<ApplyResult> ApplyAsync(string orderId, IReadOnlyList<StockLine> lines);
}

/// <summary>
/// One order's apply (key: the order id), stored: the lines are recorded before any stock is touched and the outcome
/// with its <c>inventory.updated</c> event after, so a crash in between is finished by a reminder and the event is
/// published even if the caller never comes back.
/// </summary>
public interface IInventoryOrderApplyGrain : IGrainWithStringKey
{
    /// <summary>Applies the lines (or, for an order already applied, answers its first outcome).</summary>
    Task<ApplyResult> ApplyAsync(IReadOnlyList<StockLine> lines);
}
