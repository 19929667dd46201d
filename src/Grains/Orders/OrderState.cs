using System.Collections.Immutable;
using K8Shop.Contracts.Orders;

namespace K8Shop.Grains.Orders;

/// <summary>An order as stored: what was bought at which price, where the saga stands, and its timeline.</summary>
[GenerateSerializer, Alias("k8shop.orders.OrderState")]
public sealed class OrderState
{
    [Id(0)] public string UserId { get; set; } = "";
    [Id(1)] public ImmutableArray<OrderLine> Lines { get; set; } = [];
    [Id(2)] public decimal Total { get; set; }
    [Id(3)] public int ItemCount { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(6)] public OrderStatus Status { get; set; }

    /// <summary>The settled status a release or cancellation is heading for.</summary>
    [Id(7)] public OrderStatus? Ending { get; set; }

    /// <summary>True once the reservations were committed (stock sold).</summary>
    [Id(8)] public bool StockCommitted { get; set; }

    /// <summary>Fingerprint of the placing request; a different request under the same order id is refused.</summary>
    [Id(9)] public string RequestHash { get; set; } = "";

    /// <summary>An opaque payment token (never a card number), kept so an interrupted saga can still charge.</summary>
    [Id(10)] public string? PaymentToken { get; set; }

    [Id(11)] public OrderPayment? Payment { get; set; }

    /// <summary>Why the order did not go through: <c>out_of_stock</c>, <c>card_declined</c>, ...</summary>
    [Id(12)] public string? Reason { get; set; }

    [Id(13)] public ImmutableArray<string> ShortSkus { get; set; } = [];

    /// <summary>The earliest expiry among the order's reservations.</summary>
    [Id(14)] public DateTimeOffset? ReservedUntil { get; set; }

    [Id(15)] public bool FromCart { get; set; }

    /// <summary>The ordered lines were taken out of the user's cart (orders placed from the cart, once confirmed).</summary>
    [Id(16)] public bool CartCleared { get; set; }

    [Id(17)] public ImmutableArray<OrderTransition> Timeline { get; set; } = [];

    /// <summary>The answer the placing request got (or would have got), kept for replays.</summary>
    [Id(18)] public OrderView? FirstReply { get; set; }

    /// <summary>Events stored with the transitions that caused them and not yet confirmed by the broker.</summary>
    [Id(19)] public ImmutableArray<K8Shop.Contracts.Events.IntegrationEvent> Outbox { get; set; } = [];

    /// <summary>Where the order goes, when the client said (original clients do not).</summary>
    [Id(20)] public ShippingAddress? Shipping { get; set; }

    /// <summary>While a return is requested: shipped or delivered, where a declined return goes back to.</summary>
    [Id(21)] public OrderStatus? Fulfilment { get; set; }

    public bool Placed => Timeline.Length > 0;

    public SagaPosition Position => new(Status, Ending, StockCommitted, Fulfilment);
}
