using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace K8Shop.Grains.Inventory;

/// <summary>
/// One SKU's stock as stored, kept small: counters, the reservations still open (bounded by
/// <see cref="InventoryOptions.MaxActiveReservations"/>) and the last few closed orders (bounded by
/// <see cref="InventoryOptions.ClosedOrderMemory"/>), whatever number of orders passes through.
/// Invariant: <see cref="Reserved"/> is the sum of open reservations and never exceeds <see cref="OnHand"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("k8shop.inventory.InventoryState")]
public sealed record InventoryState
{
    /// <summary>False until the SKU's stock was first set; such a state is not stored.</summary>
    [Id(0), JsonPropertyName("init")]
    public bool Initialized { get; init; }

    /// <summary>Units in stock and not yet sold: received minus committed.</summary>
    [Id(1), JsonPropertyName("onHand")]
    public int OnHand { get; init; }

    [Id(2), JsonPropertyName("reserved")]
    public int Reserved { get; init; }

    /// <summary>Units sold over the SKU's life.</summary>
    [Id(3), JsonPropertyName("committed")]
    public long Committed { get; init; }

    [Id(4), JsonPropertyName("lowStock")]
    public int LowStockThreshold { get; init; }

    [Id(5), JsonPropertyName("open")]
    public ImmutableDictionary<string, Reservation> Reservations { get; init; } = ImmutableDictionary<string, Reservation>.Empty;

    /// <summary>Orders whose reservation here was committed, released or expired, newest last.</summary>
    [Id(6), JsonPropertyName("closed")]
    public ImmutableList<ClosedOrder> Closed { get; init; } = [];

    [Id(7), JsonPropertyName("updatedAt")]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Orders whose bought units came back (cancelled after commit), newest last; rare, so remembered longer.</summary>
    [Id(8), JsonPropertyName("returned")]
    public ImmutableList<string> Returned { get; init; } = [];

    /// <summary>An <c>inventory.low</c> stored with the change that caused it and not yet confirmed by the broker.</summary>
    [Id(9), JsonPropertyName("lowEvent"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public K8Shop.Contracts.Events.InventoryLowEvent? LowStockEvent { get; init; }

    [JsonIgnore]
    public int Available => OnHand - Reserved;
}

/// <summary>Units held for one order until <see cref="ExpiresAt"/> (unix seconds, to keep the item small).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.inventory.Reservation")]
public sealed record Reservation(
    [property: Id(0), JsonPropertyName("q")] int Quantity,
    [property: Id(1), JsonPropertyName("e")] long ExpiresAt);

public enum ClosedAs
{
    Committed = 0,
    Released = 1,
    Expired = 2,
}

[GenerateSerializer, Immutable, Alias("k8shop.inventory.ClosedOrder")]
public sealed record ClosedOrder(
    [property: Id(0), JsonPropertyName("o")] string OrderId,
    [property: Id(1), JsonPropertyName("s")] ClosedAs How,
    [property: Id(2), JsonPropertyName("q")] int Quantity);
