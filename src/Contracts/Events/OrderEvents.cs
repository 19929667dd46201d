using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace K8Shop.Contracts.Events;

/// <summary>An order line in the original <c>order.created</c> payload (<c>qty</c> and <c>quantity</c> both, as the original).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.events.OrderEventLine")]
public sealed record OrderEventLine(
    [property: Id(0), JsonPropertyName("sku")] string Sku,
    [property: Id(1), JsonPropertyName("qty")] int Qty,
    [property: Id(2), JsonPropertyName("price")] decimal Price,
    [property: Id(3), JsonPropertyName("total")] decimal Total,
    [property: Id(4), JsonPropertyName("title")] string? Title)
{
    [JsonPropertyName("quantity")]
    public int Quantity => Qty;
}

/// <summary>
/// The original <c>orders.order_created</c> body (<c>event</c>, <c>version</c>, <c>orderId</c>, <c>userId</c>,
/// <c>items</c>, <c>total</c>, <c>itemCount</c>, <c>createdAt</c>, <c>messageId</c>, <c>correlationId</c>), reused
/// for the order's later events with their own <c>event</c> name and <c>status</c>.
/// </summary>
[GenerateSerializer, Alias("k8shop.events.OrderEvent")]
public sealed record OrderEvent : IntegrationEvent
{
    /// <summary>
    /// <c>order.created</c>, <c>order.confirmed</c>, <c>order.rejected</c>, <c>order.cancelled</c>, <c>order.shipped</c>,
    /// <c>order.return_requested</c>, <c>order.return_declined</c>, <c>order.returned</c>.
    /// </summary>
    [Id(0), JsonPropertyName("event")]
    public required string Event { get; init; }

    [JsonPropertyName("version")]
    public int Version => 1;

    [Id(1), JsonPropertyName("orderId")]
    public required string OrderId { get; init; }

    [Id(2), JsonPropertyName("userId")]
    public required string UserId { get; init; }

    [Id(3), JsonPropertyName("status")]
    public required string Status { get; init; }

    [Id(4), JsonPropertyName("items")]
    public required ImmutableArray<OrderEventLine> Items { get; init; }

    [Id(5), JsonPropertyName("total")]
    public required decimal Total { get; init; }

    [Id(6), JsonPropertyName("itemCount")]
    public required int ItemCount { get; init; }

    [Id(7), JsonPropertyName("createdAt")]
    public required string CreatedAt { get; init; }

    /// <summary>Why the order did not go through (<c>out_of_stock</c>, <c>card_declined</c>), when it did not.</summary>
    [Id(8), JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    [JsonPropertyName("messageId")]
    public string MessageIdCamel => MessageId;

    [JsonPropertyName("correlationId")]
    public string CorrelationIdCamel => CorrelationId;

    [JsonIgnore]
    public override string RoutingKey => "orders." + Event.Replace("order.", "order_", StringComparison.Ordinal);
}

/// <summary>The original <c>orders.payment_succeeded</c> / <c>orders.payment_failed</c> body (<c>order_id</c>, <c>status</c>) and what it lacked.</summary>
[GenerateSerializer, Alias("k8shop.events.PaymentEvent")]
public sealed record PaymentEvent : IntegrationEvent
{
    [Id(0), JsonPropertyName("order_id")]
    public required string OrderId { get; init; }

    /// <summary><c>payment.succeeded</c> or <c>payment.failed</c>.</summary>
    [Id(1), JsonPropertyName("status")]
    public required string Status { get; init; }

    [Id(2), JsonPropertyName("payment_id")]
    public required string PaymentId { get; init; }

    [Id(3), JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    [Id(4), JsonPropertyName("amount")]
    public required decimal Amount { get; init; }

    [Id(5), JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    [JsonIgnore]
    public override string RoutingKey => Status == "payment.succeeded" ? "orders.payment_succeeded" : "orders.payment_failed";
}
