using System.Globalization;
using System.Text.Json.Serialization;
using K8Shop.Contracts.Orders;
using K8Shop.Gateways.Cart;

namespace K8Shop.Gateways.Orders;

/// <summary>
/// The original OrderReq: <c>{"userId", "items": [{"sku", "qty", "price"}]}</c>. Items may be left out to order the
/// user's cart. A client price is checked (positive) but never used: the catalog prices every line.
/// </summary>
public sealed record PlaceOrderRequest(
    string? UserId,
    List<PlaceOrderItem?>? Items,
    string? PaymentToken,
    ShippingRequest? Shipping = null);

/// <summary>Where to send the order (optional; the storefront always sends it): every field required when present.</summary>
public sealed record ShippingRequest(string? Name, string? Address, string? City, string? PostalCode, string? Country);

/// <summary>The shipping address an order was placed with.</summary>
public sealed record ShippingResponse(string Name, string Address, string City, string PostalCode, string Country)
{
    public static ShippingResponse? From(ShippingAddress? a) => a is null ? null : new(a.Name, a.Address, a.City, a.PostalCode, a.Country);
}

public sealed record PlaceOrderItem(
    string? Sku,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal? Qty,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal? Quantity,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal? Price);

/// <summary><c>PUT /orders/{id}/status</c>: <c>shipped</c> or <c>delivered</c>.</summary>
public sealed record OrderStatusRequest(string? Status);

/// <summary><c>POST /orders/{id}/return</c>: an admin's decision on a requested return (<c>true</c> refunds it and takes the books back).</summary>
public sealed record OrderReturnRequest(bool? Approve);

public sealed record OrderItemResponse(
    string Sku,
    int Quantity,
    [property: JsonConverter(typeof(PythonFloatConverter))] decimal Price,
    [property: JsonConverter(typeof(PythonFloatConverter))] decimal Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title);

/// <summary>The payment object inside an order, snake_case as the payment service answered it.</summary>
public sealed record OrderPaymentResponse(
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("payment_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PaymentId,
    [property: JsonPropertyName("reference"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reference,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

public sealed record OrderTransitionResponse(
    string Status,
    string At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note);

/// <summary>
/// The original OrderResponse, key for key (orderId, status, total, itemCount, items, createdAt, payment,
/// paymentStatus), where <c>status</c> now tells the real state; then what the original lacked.
/// </summary>
public sealed record OrderResponse(
    string OrderId,
    string Status,
    [property: JsonConverter(typeof(PythonFloatConverter))] decimal Total,
    int ItemCount,
    IReadOnlyList<OrderItemResponse> Items,
    string CreatedAt,
    OrderPaymentResponse Payment,
    string PaymentStatus,
    string UserId,
    string UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? OutOfStock,
    bool FromCart,
    IReadOnlyList<OrderTransitionResponse> Timeline,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ShippingResponse? Shipping)
{
    public static OrderResponse From(OrderView o) => new(
        o.OrderId,
        o.Status.Wire(),
        o.Total,
        o.ItemCount,
        [.. o.Items.Select(i => new OrderItemResponse(i.Sku, i.Quantity, i.Price, i.Total, i.Title))],
        Iso(o.CreatedAt),
        new OrderPaymentResponse(o.OrderId, o.Payment.Status, o.Payment.PaymentId, o.Payment.Reference, o.Payment.Reason),
        o.Payment.Status,
        o.UserId,
        Iso(o.UpdatedAt),
        o.Reason,
        o.ShortSkus.IsDefaultOrEmpty ? null : o.ShortSkus,
        o.FromCart,
        [.. o.Timeline.Select(t => new OrderTransitionResponse(t.Status.Wire(), Iso(t.At), t.Note))],
        ShippingResponse.From(o.Shipping));

    /// <summary>ISO 8601 in UTC with microseconds, as the original's isoformat, plus the 'Z' it forgot.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>A page of a user's orders, newest first.</summary>
public sealed record OrderListResponse(string UserId, int Page, int PageSize, int Total, IReadOnlyList<OrderResponse> Orders);

/// <summary>The original health shape: <c>{"ok": true, "db": bool}</c>, plus the backend.</summary>
public sealed record OrdersHealthResponse(bool Ok, bool Db, string Backend);
