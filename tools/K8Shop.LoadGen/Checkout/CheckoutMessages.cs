using System.Text.Json.Serialization;

namespace K8Shop.LoadGen.Checkout;

/// <summary>POST /cart/{userId}/items: the original contract requires a price; the server ignores it and prices from the catalog.</summary>
public sealed record AddCartItemRequest(string ProductId, int Quantity, decimal Price);

/// <summary>The cart after a change; only what tells the add apart from a reply to someone else.</summary>
public sealed record CartReply(string UserId, int ItemCount);

/// <summary>POST /orders without items: orders the user's cart.</summary>
public sealed record PlaceOrderRequest(string UserId, string? PaymentToken);

/// <summary>An order as POST /orders and GET /orders/{id} answer it (camelCase), with the fields the checks use.</summary>
public sealed record OrderReply(
    string OrderId,
    string Status,
    decimal Total,
    int ItemCount,
    IReadOnlyList<OrderLineReply> Items,
    string? PaymentStatus,
    string? UserId,
    string? Reason);

public sealed record OrderLineReply(string Sku, int Quantity, decimal Price, decimal Total);

/// <summary>GET /orders/user/{userId}: a page of the user's orders, newest first.</summary>
public sealed record OrderListReply(string UserId, int Total, IReadOnlyList<OrderReply> Orders);

/// <summary>GET /payments/{orderId}: snake_case, as the original payment service answered.</summary>
public sealed record PaymentReply(
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("amount")] decimal Amount);

public static class OrderStatus
{
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";
    public const string PaymentFailed = "payment_failed";

    /// <summary>The saga's ends for a fresh order; anything else is a step still running or cut short.</summary>
    public static bool IsSettled(string? status) => status is Confirmed or Rejected or PaymentFailed;
}

public static class PaymentStatus
{
    public const string Succeeded = "payment.succeeded";
    public const string Failed = "payment.failed";
}

public static class PaymentTokens
{
    /// <summary>A test token the payment service always declines.</summary>
    public const string Decline = "tok_decline";
}
