using System.Collections.Immutable;

namespace K8Shop.Contracts.Inventory;

/// <summary>A SKU's stock as shoppers and admins see it.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.inventory.InventoryView")]
public sealed record InventoryView(
    [property: Id(0)] string Sku,
    [property: Id(1)] int OnHand,
    [property: Id(2)] int Reserved,
    [property: Id(3)] long Committed,
    [property: Id(4)] int LowStockThreshold,
    [property: Id(5)] DateTimeOffset UpdatedAt)
{
    public int Available => OnHand - Reserved;

    public bool LowStock => Available <= LowStockThreshold;
}

public enum ReservationStatus
{
    /// <summary>The units are held for the order (newly, or by an earlier identical request).</summary>
    Reserved = 0,

    /// <summary>Not enough available units; nothing is held.</summary>
    OutOfStock = 1,

    /// <summary>The order already committed or released its reservation here; nothing new is held.</summary>
    OrderClosed = 2,

    /// <summary>The order's reservation was committed (sold).</summary>
    Committed = 3,

    /// <summary>The order's reservation was returned to stock.</summary>
    Released = 4,

    /// <summary>The order holds no reservation here.</summary>
    NotReserved = 5,
}

/// <summary>The answer to a reservation request.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.inventory.ReservationResult")]
public sealed record ReservationResult(
    [property: Id(0)] string Sku,
    [property: Id(1)] string OrderId,
    [property: Id(2)] ReservationStatus Status,
    [property: Id(3)] int Quantity,
    [property: Id(4)] DateTimeOffset? ExpiresAt,
    [property: Id(5)] int Available);

/// <summary>The answer to a commit or release.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.inventory.ReservationChange")]
public sealed record ReservationChange(
    [property: Id(0)] string Sku,
    [property: Id(1)] string OrderId,
    [property: Id(2)] ReservationStatus Status,
    [property: Id(3)] int Quantity);

/// <summary>One SKU and quantity of an apply.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.inventory.StockLine")]
public sealed record StockLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Quantity);

/// <summary>The outcome of an apply: every line taken, or none (with the SKUs that were short).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.inventory.ApplyResult")]
public sealed record ApplyResult(
    [property: Id(0)] bool Applied,
    [property: Id(1)] ImmutableArray<string> ShortSkus);
