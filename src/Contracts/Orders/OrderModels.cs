using System.Collections.Immutable;
using K8Shop.Contracts.Payments;

namespace K8Shop.Contracts.Orders;

/// <summary>A line as the client asked for it: a catalog SKU and a quantity (a client price, if sent, is only checked).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.orders.OrderLineRequest")]
public sealed record OrderLineRequest(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Quantity);

/// <summary>
/// What <c>POST /orders</c> asks for. With no lines the order takes the user's cart, and empties it once confirmed.
/// <see cref="RequestHash"/> fingerprints the request, so a replay with the same idempotency key but another body is refused.
/// </summary>
[GenerateSerializer, Immutable, Alias("k8shop.orders.PlaceOrder")]
public sealed record PlaceOrder(
    [property: Id(0)] string UserId,
    [property: Id(1)] ImmutableArray<OrderLineRequest> Lines,
    [property: Id(2)] bool FromCart,
    [property: Id(3)] string? PaymentToken,
    [property: Id(4)] string RequestHash,
    [property: Id(5)] ShippingAddress? Shipping = null);

/// <summary>Where an order goes (personal data: stored with the order, never logged).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.orders.ShippingAddress")]
public sealed record ShippingAddress(
    [property: Id(0)] string Name,
    [property: Id(1)] string Address,
    [property: Id(2)] string City,
    [property: Id(3)] string PostalCode,
    [property: Id(4)] string Country);

/// <summary>A priced line: the catalog's unit price at the time of the order, and quantity × price rounded to cents.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.orders.OrderLine")]
public sealed record OrderLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] string? Title,
    [property: Id(2)] int Quantity,
    [property: Id(3)] decimal Price,
    [property: Id(4)] decimal Total);

/// <summary>One step of an order's life, with the time it was stored.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.orders.OrderTransition")]
public sealed record OrderTransition(
    [property: Id(0)] OrderStatus Status,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? Note);

/// <summary>The order's payment as the order knows it; <see cref="Status"/> keeps the original's values (<c>payment.succeeded</c>, ...).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.orders.OrderPayment")]
public sealed record OrderPayment(
    [property: Id(0)] string Status,
    [property: Id(1)] string? PaymentId,
    [property: Id(2)] string? Reference,
    [property: Id(3)] string? Reason);

/// <summary>An order as clients see it.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.orders.OrderView")]
public sealed record OrderView(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string UserId,
    [property: Id(2)] OrderStatus Status,
    [property: Id(3)] decimal Total,
    [property: Id(4)] int ItemCount,
    [property: Id(5)] ImmutableArray<OrderLine> Items,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] OrderPayment Payment,
    [property: Id(9)] string? Reason,
    [property: Id(10)] ImmutableArray<string> ShortSkus,
    [property: Id(11)] ImmutableArray<OrderTransition> Timeline,
    [property: Id(12)] bool FromCart,
    [property: Id(13)] ShippingAddress? Shipping = null);

/// <summary>One page of a user's orders, newest first, with how many they have in all.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.orders.OrderPage")]
public sealed record OrderPage(
    [property: Id(2)] ImmutableArray<OrderView> Orders,
    [property: Id(1)] int Total)
{
    public ImmutableArray<string> OrderIds => [.. Orders.Select(o => o.OrderId)];
}

/// <summary>
/// What a refund did: the payment as it now stands (refunded, or still succeeded while a return waits for an admin)
/// and the order it went through (standalone payments of the original have none).
/// </summary>
[GenerateSerializer, Immutable, Alias("k8shop.orders.OrderRefund")]
public sealed record OrderRefund(
    [property: Id(0)] PaymentView Payment,
    [property: Id(1)] OrderView? Order)
{
    /// <summary>True when the money is not back yet: a return was requested and waits for an admin.</summary>
    public bool AwaitingReturn => Order?.Status == OrderStatus.ReturnRequested;
}
