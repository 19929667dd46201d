using System.Text.Json.Serialization;
using K8Shop.Contracts.Payments;
using K8Shop.Gateways.Cart;
using K8Shop.Gateways.Orders;

namespace K8Shop.Gateways.Payments;

/// <summary>The original payment request (snake_case); <c>payment_token</c> is ours, for test cards that decline.</summary>
public sealed record PaymentRequest(
    [property: JsonPropertyName("order_id")] string? OrderId,
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("total_amount"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal? TotalAmount,
    [property: JsonPropertyName("payment_token")] string? PaymentToken);

/// <summary>
/// The original answer (<c>order_id</c>, <c>status</c>) and what it lacked: ids, amount, reason, refund; a refund's
/// answer adds <c>order_status</c>, what the refund did to the order (<c>cancelled</c>, <c>return_requested</c>, <c>returned</c>).
/// </summary>
public sealed record PaymentResponse(
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("payment_id")] string PaymentId,
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("amount"), JsonConverter(typeof(PythonFloatConverter))] decimal Amount,
    [property: JsonPropertyName("reference"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reference,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("refunded_at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefundedAt,
    [property: JsonPropertyName("refund_reference"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefundReference,
    [property: JsonPropertyName("order_status"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OrderStatus = null)
{
    public static PaymentResponse From(PaymentView p) => new(
        p.OrderId, p.WireStatus, p.PaymentId, p.UserId, p.Amount, p.Reference, p.Reason,
        OrderResponse.Iso(p.CreatedAt), p.RefundedAt is { } at ? OrderResponse.Iso(at) : null, p.RefundReference);
}

/// <summary>The original health answer: <c>{"ok":true}</c>.</summary>
public sealed record PaymentHealthResponse([property: JsonPropertyName("ok")] bool Ok, [property: JsonPropertyName("backend")] string Backend);

/// <summary>Card details to turn into a payment token (snake_case, as the payment service's other bodies).</summary>
public sealed record PaymentTokenRequest(
    [property: JsonPropertyName("card_number")] string? CardNumber,
    [property: JsonPropertyName("exp_month")] int? ExpMonth,
    [property: JsonPropertyName("exp_year")] int? ExpYear,
    [property: JsonPropertyName("cvc")] string? Cvc);

/// <summary>An opaque token for <c>POST /orders</c>' <c>paymentToken</c>, and what a receipt may show of the card.</summary>
public sealed record PaymentTokenResponse(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("brand")] string Brand,
    [property: JsonPropertyName("last4")] string Last4)
{
    public static PaymentTokenResponse From(PaymentToken token) => new(token.Token, token.Brand, token.Last4);
}
