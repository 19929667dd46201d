using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using K8Shop.LoadGen.Http;

namespace K8Shop.LoadGen.Inventory;

/// <summary>
/// The gateway's inventory endpoints. Never throws for what a server or network can do: each call ends in a reply
/// or a <see cref="CallFailure"/>, and each has its own deadline so one stuck request cannot hold a client forever.
/// </summary>
public sealed class InventoryClient(HttpClient http, TimeSpan timeout)
{
    private static InventoryJsonContext Json => InventoryJsonContext.Default;

    public Task<CallResult<StockLevel>> GetAsync(string sku, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Get, StockPath(sku), null, null, Json.StockLevel, cancellation);

    public Task<CallResult<StockLevel>> SetStockAsync(string sku, int stock, string adminKey, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Put, StockPath(sku), GatewayHttp.Body(new SetStockRequest(stock), Json.SetStockRequest), adminKey, Json.StockLevel, cancellation);

    public Task<CallResult<ReserveReply>> ReserveAsync(string sku, ReserveRequest request, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Post, StockPath(sku) + "/reserve", GatewayHttp.Body(request, Json.ReserveRequest), null, Json.ReserveReply, cancellation);

    public Task<CallResult<SettleReply>> ReleaseAsync(string sku, string orderId, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Post, StockPath(sku) + "/release", GatewayHttp.Body(new OrderRequest(orderId), Json.OrderRequest), null, Json.SettleReply, cancellation);

    public Task<CallResult<SettleReply>> CommitAsync(string sku, string orderId, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Post, StockPath(sku) + "/commit", GatewayHttp.Body(new OrderRequest(orderId), Json.OrderRequest), null, Json.SettleReply, cancellation);

    private static string StockPath(string sku) => "inventory/" + Uri.EscapeDataString(sku);

    private Task<CallResult<T>> SendAsync<T>(
        HttpMethod method, string path, HttpContent? content, string? adminKey, JsonTypeInfo<T> replyType, CancellationToken cancellation)
        where T : class =>
        GatewayHttp.SendAsync(http, timeout, method, path, content,
            adminKey is null ? null : headers => headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey),
            replyType, cancellation);
}
