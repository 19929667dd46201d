using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using K8Shop.LoadGen.Http;
using K8Shop.LoadGen.Inventory;
using K8Shop.Tools.Auth;

namespace K8Shop.LoadGen.Checkout;

/// <summary>
/// The gateway's cart, order and payment endpoints, with the same never-throwing calls as the inventory client. Each
/// call carries the shopper's token (<c>shopper</c>), none under --auth open (null).
/// </summary>
public sealed class CheckoutClient(HttpClient http, TimeSpan timeout)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Any price passes; the server uses the catalog's.</summary>
    private const decimal AnyPrice = 1m;

    private static CheckoutJsonContext Json => CheckoutJsonContext.Default;

    public Task<CallResult<CartReply>> AddToCartAsync(IAccessTokenSource? shopper, string userId, string sku, int quantity) =>
        SendAsync(shopper, HttpMethod.Post, $"cart/{Escape(userId)}/items",
            GatewayHttp.Body(new AddCartItemRequest(sku, quantity, AnyPrice), Json.AddCartItemRequest), null, Json.CartReply);

    /// <summary>Empties the cart an unconfirmed order left behind, so the account can shop again from nothing.</summary>
    public Task<CallResult<CartReply>> ClearCartAsync(IAccessTokenSource? shopper, string userId) =>
        SendAsync(shopper, HttpMethod.Delete, $"cart/{Escape(userId)}", null, null, Json.CartReply);

    /// <summary>Orders the user's cart; the same key and body always reach the same order.</summary>
    public Task<CallResult<OrderReply>> PlaceOrderAsync(IAccessTokenSource? shopper, string userId, string? paymentToken, string idempotencyKey) =>
        SendAsync(shopper, HttpMethod.Post, "orders", GatewayHttp.Body(new PlaceOrderRequest(userId, paymentToken), Json.PlaceOrderRequest),
            idempotencyKey, Json.OrderReply);

    public Task<CallResult<OrderReply>> GetOrderAsync(IAccessTokenSource? shopper, string orderId) =>
        SendAsync(shopper, HttpMethod.Get, $"orders/{Escape(orderId)}", null, null, Json.OrderReply);

    public Task<CallResult<OrderListReply>> ListUserOrdersAsync(IAccessTokenSource? shopper, string userId, int pageSize) =>
        SendAsync(shopper, HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"orders/user/{Escape(userId)}?page=1&pageSize={pageSize}"),
            null, null, Json.OrderListReply);

    public Task<CallResult<PaymentReply>> GetPaymentAsync(IAccessTokenSource? shopper, string orderId) =>
        SendAsync(shopper, HttpMethod.Get, $"payments/{Escape(orderId)}", null, null, Json.PaymentReply);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private Task<CallResult<T>> SendAsync<T>(
        IAccessTokenSource? shopper, HttpMethod method, string path, HttpContent? content, string? idempotencyKey, JsonTypeInfo<T> replyType)
        where T : class =>
        GatewayHttp.SendAsync(http, timeout, method, path, content, shopper,
            idempotencyKey is null ? null : headers => headers.Add(IdempotencyKeyHeader, idempotencyKey),
            replyType, CancellationToken.None);
}
