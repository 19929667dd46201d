using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Rules;

namespace K8Shop.Grains.Inventory;

/// <summary>
/// The stock arithmetic as pure functions over <see cref="InventoryState"/>. Each returns the next state (the same
/// instance when nothing changes) and the answer; a broken rule throws before anything changes.
/// </summary>
public static class InventoryRules
{
    public static (InventoryState, ReservationResult) Reserve(
        InventoryState state, string sku, string orderId, int quantity, DateTimeOffset expiresAt, DateTimeOffset now, InventoryOptions options)
    {
        if (state.Reservations.TryGetValue(orderId, out var existing))
            return (state, new ReservationResult(sku, orderId, ReservationStatus.Reserved, existing.Quantity, DateTimeOffset.FromUnixTimeSeconds(existing.ExpiresAt), state.Available));
        if (FindClosed(state, orderId) is { } closed)
        {
            var status = closed.How == ClosedAs.Committed ? ReservationStatus.Committed : ReservationStatus.OrderClosed;
            return (state, new ReservationResult(sku, orderId, status, closed.Quantity, null, state.Available));
        }
        if (state.Available < quantity)
            return (state, new ReservationResult(sku, orderId, ReservationStatus.OutOfStock, quantity, null, state.Available));
        if (state.Reservations.Count >= options.MaxActiveReservations)
            throw new InventoryBusyException(sku, 1);

        var next = state with
        {
            Reserved = state.Reserved + quantity,
            Reservations = state.Reservations.Add(orderId, new Reservation(quantity, expiresAt.ToUnixTimeSeconds())),
            UpdatedAt = now,
        };
        return (next, new ReservationResult(sku, orderId, ReservationStatus.Reserved, quantity, DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()), next.Available));
    }

    /// <summary>Sells the order's reserved units: on hand and reserved both drop. A second commit is answered as the first.</summary>
    public static (InventoryState, ReservationChange) Commit(InventoryState state, string sku, string orderId, DateTimeOffset now, InventoryOptions options)
    {
        if (!state.Reservations.TryGetValue(orderId, out var reservation))
        {
            var closed = FindClosed(state, orderId);
            var status = closed?.How == ClosedAs.Committed ? ReservationStatus.Committed : ReservationStatus.NotReserved;
            return (state, new ReservationChange(sku, orderId, status, closed?.How == ClosedAs.Committed ? closed.Quantity : 0));
        }

        var next = Close(state with
        {
            OnHand = state.OnHand - reservation.Quantity,
            Reserved = state.Reserved - reservation.Quantity,
            Committed = state.Committed + reservation.Quantity,
            Reservations = state.Reservations.Remove(orderId),
            UpdatedAt = now,
        }, new ClosedOrder(orderId, ClosedAs.Committed, reservation.Quantity), options);
        return (next, new ReservationChange(sku, orderId, ReservationStatus.Committed, reservation.Quantity));
    }

    /// <summary>
    /// Returns the order's reserved units to stock. An order released before it reserved is remembered, so its
    /// late reserve takes nothing.
    /// </summary>
    public static (InventoryState, ReservationChange) Release(InventoryState state, string sku, string orderId, DateTimeOffset now, InventoryOptions options)
    {
        if (!state.Reservations.TryGetValue(orderId, out var reservation))
        {
            var closed = FindClosed(state, orderId);
            if (closed is not null)
                return (state, new ReservationChange(sku, orderId, closed.How == ClosedAs.Committed ? ReservationStatus.Committed : ReservationStatus.NotReserved, 0));
            var remembered = Close(state with { UpdatedAt = now }, new ClosedOrder(orderId, ClosedAs.Released, 0), options);
            return (remembered, new ReservationChange(sku, orderId, ReservationStatus.NotReserved, 0));
        }

        var next = Close(state with
        {
            Reserved = state.Reserved - reservation.Quantity,
            Reservations = state.Reservations.Remove(orderId),
            UpdatedAt = now,
        }, new ClosedOrder(orderId, ClosedAs.Released, reservation.Quantity), options);
        return (next, new ReservationChange(sku, orderId, ReservationStatus.Released, reservation.Quantity));
    }

    /// <summary>Returns every reservation whose expiry has passed to stock.</summary>
    public static InventoryState Expire(InventoryState state, DateTimeOffset now, InventoryOptions options)
    {
        var nowSeconds = now.ToUnixTimeSeconds();
        var next = state;
        foreach (var (orderId, reservation) in state.Reservations)
        {
            if (reservation.ExpiresAt > nowSeconds)
                continue;
            next = Close(next with
            {
                Reserved = next.Reserved - reservation.Quantity,
                Reservations = next.Reservations.Remove(orderId),
                UpdatedAt = now,
            }, new ClosedOrder(orderId, ClosedAs.Expired, reservation.Quantity), options);
        }
        return next;
    }

    public static bool HasExpired(InventoryState state, DateTimeOffset now)
    {
        var nowSeconds = now.ToUnixTimeSeconds();
        return state.Reservations.Values.Any(r => r.ExpiresAt <= nowSeconds);
    }

    /// <summary>
    /// A quantity one reservation, apply line or return may name: 1 to the largest stock a SKU may hold. Anything larger
    /// is absurd (no stock could cover it); anything up to it is for the stock to answer (out of stock when short).
    /// </summary>
    public static void RequireQuantity(int quantity)
    {
        if (quantity is < 1 or > ShopLimits.Inventory.MaxQuantity)
            throw new InventoryRuleException("qty", $"must be between 1 and {ShopLimits.Inventory.MaxQuantity}");
    }

    /// <summary>Sets the units on hand, at most the largest stock a SKU may hold; it may not drop below what open reservations hold (that would oversell them).</summary>
    public static InventoryState SetStock(InventoryState state, int onHand, int? lowStockThreshold, DateTimeOffset now)
    {
        if (onHand is < 0 or > ShopLimits.Inventory.MaxStock)
            throw new InventoryRuleException("stock", $"must be between 0 and {ShopLimits.Inventory.MaxStock}");
        if (onHand < state.Reserved)
            throw new InventoryRuleException("stock", $"cannot be below the {state.Reserved} units reserved by open orders");
        if (lowStockThreshold is < 0 or > ShopLimits.Inventory.MaxStock)
            throw new InventoryRuleException("low_stock_threshold", $"must be between 0 and {ShopLimits.Inventory.MaxStock}");
        return state with
        {
            Initialized = true,
            OnHand = onHand,
            LowStockThreshold = lowStockThreshold ?? state.LowStockThreshold,
            UpdatedAt = now,
        };
    }

    public static InventoryState Restock(InventoryState state, int quantity, DateTimeOffset now)
    {
        if (quantity <= 0)
            throw new InventoryRuleException("quantity", "must be greater than 0");
        if ((long)state.OnHand + quantity > ShopLimits.Inventory.MaxStock)
            throw new InventoryRuleException("quantity", $"would take the units on hand past {ShopLimits.Inventory.MaxStock}");
        return state with { Initialized = true, OnHand = state.OnHand + quantity, UpdatedAt = now };
    }

    /// <summary>Takes back the units an order line bought (at most an order line's quantity), once per order id; a repeat changes nothing.</summary>
    public static (InventoryState, ReservationChange) Return(InventoryState state, string sku, string orderId, int quantity, DateTimeOffset now, InventoryOptions options)
    {
        if (quantity is < 1 or > ShopLimits.Orders.MaxQuantityPerLine)
            throw new InventoryRuleException("qty", $"must be between 1 and {ShopLimits.Orders.MaxQuantityPerLine}, the units one order line buys");
        if (state.Returned.Contains(orderId, StringComparer.Ordinal))
            return (state, new ReservationChange(sku, orderId, ReservationStatus.Released, 0));
        if ((long)state.OnHand + quantity > int.MaxValue)
            throw new InventoryRuleException("qty", "would overflow the units on hand");
        var returned = state.Returned.Add(orderId);
        if (returned.Count > options.ReturnMemory)
            returned = returned.RemoveRange(0, returned.Count - options.ReturnMemory);
        return (state with
        {
            OnHand = state.OnHand + quantity,
            Committed = Math.Max(0, state.Committed - quantity),
            Returned = returned,
            UpdatedAt = now,
        }, new ReservationChange(sku, orderId, ReservationStatus.Released, quantity));
    }

    /// <summary>The state as seen at <paramref name="now"/>: expired reservations already returned.</summary>
    public static InventoryView View(string sku, InventoryState state, DateTimeOffset now, InventoryOptions options)
    {
        var current = HasExpired(state, now) ? Expire(state, now, options) : state;
        return new InventoryView(sku, current.OnHand, current.Reserved, current.Committed, current.LowStockThreshold, current.UpdatedAt);
    }

    private static ClosedOrder? FindClosed(InventoryState state, string orderId) =>
        state.Closed.FindLast(c => string.Equals(c.OrderId, orderId, StringComparison.Ordinal));

    private static InventoryState Close(InventoryState state, ClosedOrder closed, InventoryOptions options)
    {
        var list = state.Closed.Add(closed);
        if (list.Count > options.ClosedOrderMemory)
            list = list.RemoveRange(0, list.Count - options.ClosedOrderMemory);
        return state with { Closed = list };
    }
}
