using System.Collections.Immutable;
using K8Shop.Contracts.Orders;

namespace K8Shop.Grains.Orders;

/// <summary>
/// An order as stored: what was bought at which price, where the saga stands, and its timeline. Immutable: the grain
/// moves from one state to the next (<see cref="OrderSaga.Advance"/>) and stores the new one, so the state it read
/// or last wrote is still at hand when a write fails. Each line and each transition is held once: the first reply
/// is rebuilt from the timeline (<see cref="FirstReplyLength"/>), not kept as a second copy.
/// </summary>
/// <remarks>
/// Stored before it became a record as a class with the same alias and [Id]s, which Orleans' format reads alike.
/// Orders stored before the first reply was rebuilt carry it whole in <see cref="LegacyFirstReply"/> (Id 18), which is
/// still read and answered for them; no new write sets it.
/// </remarks>
[GenerateSerializer, Immutable, Alias("k8shop.orders.OrderState")]
public sealed record OrderState
{
    [Id(0)] public string UserId { get; init; } = "";
    [Id(1)] public ImmutableArray<OrderLine> Lines { get; init; } = [];
    [Id(2)] public decimal Total { get; init; }
    [Id(3)] public int ItemCount { get; init; }
    [Id(4)] public DateTimeOffset CreatedAt { get; init; }
    [Id(5)] public DateTimeOffset UpdatedAt { get; init; }
    [Id(6)] public OrderStatus Status { get; init; }

    /// <summary>The settled status a release or cancellation is heading for.</summary>
    [Id(7)] public OrderStatus? Ending { get; init; }

    /// <summary>True once the reservations were committed (stock sold).</summary>
    [Id(8)] public bool StockCommitted { get; init; }

    /// <summary>Fingerprint of the placing request; a different request under the same order id is refused.</summary>
    [Id(9)] public string RequestHash { get; init; } = "";

    /// <summary>An opaque payment token (never a card number), kept so an interrupted saga can still charge.</summary>
    [Id(10)] public string? PaymentToken { get; init; }

    [Id(11)] public OrderPayment? Payment { get; init; }

    /// <summary>Why the order did not go through: <c>out_of_stock</c>, <c>card_declined</c>, ...</summary>
    [Id(12)] public string? Reason { get; init; }

    [Id(13)] public ImmutableArray<string> ShortSkus { get; init; } = [];

    /// <summary>The earliest expiry among the order's reservations.</summary>
    [Id(14)] public DateTimeOffset? ReservedUntil { get; init; }

    [Id(15)] public bool FromCart { get; init; }

    /// <summary>The ordered lines were taken out of the user's cart (orders placed from the cart, once confirmed).</summary>
    [Id(16)] public bool CartCleared { get; init; }

    [Id(17)] public ImmutableArray<OrderTransition> Timeline { get; init; } = [];

    /// <summary>The whole first reply, as orders stored it before <see cref="FirstReplyLength"/>; read, never written.</summary>
    [Id(18)] public OrderView? LegacyFirstReply { get; init; }

    /// <summary>Events stored with the transitions that caused them and not yet confirmed by the broker.</summary>
    [Id(19)] public ImmutableArray<K8Shop.Contracts.Events.IntegrationEvent> Outbox { get; init; } = [];

    /// <summary>Where the order goes, when the client said (original clients do not).</summary>
    [Id(20)] public ShippingAddress? Shipping { get; init; }

    /// <summary>While a return is requested: shipped or delivered, where a declined return goes back to.</summary>
    [Id(21)] public OrderStatus? Fulfilment { get; init; }

    /// <summary>How long the timeline was when the order first settled: the first reply is the order as it stood then.</summary>
    [Id(22)] public int FirstReplyLength { get; init; }

    /// <summary>The payment as the first reply showed it (a refund changes the order's since; the rest of the reply is in the timeline).</summary>
    [Id(23)] public OrderPayment? FirstReplyPayment { get; init; }

    public bool Placed => Timeline.Length > 0;

    public SagaPosition Position => new(Status, Ending, StockCommitted, Fulfilment);
}
