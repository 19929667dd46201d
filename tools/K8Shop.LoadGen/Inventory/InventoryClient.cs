using System.Text.Json.Serialization.Metadata;
using K8Shop.LoadGen.Http;
using K8Shop.Tools.Auth;

namespace K8Shop.LoadGen.Inventory;

/// <summary>
/// The gateway's inventory endpoints. Never throws for what a server or network can do: each call ends in a reply
/// or a <see cref="CallFailure"/>, and each has its own deadline so one stuck request cannot hold a client forever.
/// </summary>
/// Stock moves carry <paramref name="bearer"/>'s token (a machine or admin client's), none when it is null (--auth open).
public sealed class InventoryClient(HttpClient http, TimeSpan timeout, IAccessTokenSource? bearer = null)
{
    private static InventoryJsonContext Json => InventoryJsonContext.Default;

    public Task<CallResult<StockLevel>> GetAsync(string sku, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Get, StockPath(sku), null, null, Json.StockLevel, cancellation);

    /// <summary>Sets the units on hand: an admin route, so <paramref name="admin"/> is the operator's token.</summary>

    public Task<CallResult<StockLevel>> SetStockAsync(string sku, int stock, IAccessTokenSource admin, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Put, StockPath(sku), GatewayHttp.Body(new SetStockRequest(stock), Json.SetStockRequest), admin, Json.StockLevel, cancellation);

    public Task<CallResult<ReserveReply>> ReserveAsync(string sku, ReserveRequest request, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Post, StockPath(sku) + "/reserve", GatewayHttp.Body(request, Json.ReserveRequest), bearer, Json.ReserveReply, cancellation);

    public Task<CallResult<SettleReply>> ReleaseAsync(string sku, string orderId, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Post, StockPath(sku) + "/release", GatewayHttp.Body(new OrderRequest(orderId), Json.OrderRequest), bearer, Json.SettleReply, cancellation);

    public Task<CallResult<SettleReply>> CommitAsync(string sku, string orderId, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Post, StockPath(sku) + "/commit", GatewayHttp.Body(new OrderRequest(orderId), Json.OrderRequest), bearer, Json.SettleReply, cancellation);

    private static string StockPath(string sku) => "inventory/" + Uri.EscapeDataString(sku);

    private Task<CallResult<T>> SendAsync<T>(
        HttpMethod method, string path, HttpContent? content, IAccessTokenSource? token, JsonTypeInfo<T> replyType, CancellationToken cancellation)
        where T : class =>
        GatewayHttp.SendAsync(http, timeout, method, path, content, token, null, replyType, cancellation);
}
