using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using K8Shop.LoadGen.Http;
using K8Shop.LoadGen.Inventory;

namespace K8Shop.LoadGen.Checkout;

/// <summary>The gateway's cart, order and payment endpoints, with the same never-throwing calls as the inventory client.</summary>
public sealed class CheckoutClient(HttpClient http, TimeSpan timeout)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Any price passes; the server uses the catalog's.</summary>
    private const decimal AnyPrice = 1m;

    private static CheckoutJsonContext Json => CheckoutJsonContext.Default;

    public Task<CallResult<CartReply>> AddToCartAsync(string userId, string sku, int quantity) =>
        SendAsync(HttpMethod.Post, $"cart/{Escape(userId)}/items",
            GatewayHttp.Body(new AddCartItemRequest(sku, quantity, AnyPrice), Json.AddCartItemRequest), null, Json.CartReply);

    /// <summary>Orders the user's cart; the same key and body always reach the same order.</summary>
    public Task<CallResult<OrderReply>> PlaceOrderAsync(string userId, string? paymentToken, string idempotencyKey) =>
        SendAsync(HttpMethod.Post, "orders", GatewayHttp.Body(new PlaceOrderRequest(userId, paymentToken), Json.PlaceOrderRequest),
            idempotencyKey, Json.OrderReply);

    public Task<CallResult<OrderReply>> GetOrderAsync(string orderId) =>
        SendAsync(HttpMethod.Get, $"orders/{Escape(orderId)}", null, null, Json.OrderReply);

    public Task<CallResult<OrderListReply>> ListUserOrdersAsync(string userId, int pageSize) =>
        SendAsync(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"orders/user/{Escape(userId)}?page=1&pageSize={pageSize}"),
            null, null, Json.OrderListReply);

    public Task<CallResult<PaymentReply>> GetPaymentAsync(string orderId) =>
        SendAsync(HttpMethod.Get, $"payments/{Escape(orderId)}", null, null, Json.PaymentReply);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private Task<CallResult<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? content, string? idempotencyKey, JsonTypeInfo<T> replyType)
        where T : class =>
        GatewayHttp.SendAsync(http, timeout, method, path, content,
            idempotencyKey is null ? null : headers => headers.Add(IdempotencyKeyHeader, idempotencyKey),
            replyType, CancellationToken.None);
}
