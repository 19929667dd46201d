using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

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
        SendAsync(HttpMethod.Put, StockPath(sku), Body(new SetStockRequest(stock), Json.SetStockRequest), adminKey, Json.StockLevel, cancellation);

    public Task<CallResult<ReserveReply>> ReserveAsync(string sku, ReserveRequest request, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Post, StockPath(sku) + "/reserve", Body(request, Json.ReserveRequest), null, Json.ReserveReply, cancellation);

    public Task<CallResult<SettleReply>> ReleaseAsync(string sku, string orderId, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Post, StockPath(sku) + "/release", Body(new OrderRequest(orderId), Json.OrderRequest), null, Json.SettleReply, cancellation);

    public Task<CallResult<SettleReply>> CommitAsync(string sku, string orderId, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Post, StockPath(sku) + "/commit", Body(new OrderRequest(orderId), Json.OrderRequest), null, Json.SettleReply, cancellation);

    // Serialized up front so the request carries a Content-Length: chunked bodies cost the server more to read.
    private static ByteArrayContent Body<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static string StockPath(string sku) => "inventory/" + Uri.EscapeDataString(sku);

    private async Task<CallResult<T>> SendAsync<T>(
        HttpMethod method, string path, HttpContent? content, string? adminKey, JsonTypeInfo<T> replyType, CancellationToken cancellation)
        where T : class
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (adminKey is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            if (!response.IsSuccessStatusCode)
                return CallResult<T>.Failed(CallFailure.FromStatus(response.StatusCode, response.Headers.RetryAfter));
            var reply = await response.Content.ReadFromJsonAsync(replyType, deadline.Token);
            return reply is null ? CallResult<T>.Failed(CallFailure.Invalid("empty body")) : new CallResult<T>(reply, null);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return CallResult<T>.Failed(CallFailure.Timeout);
        }
        catch (HttpRequestException error)
        {
            return CallResult<T>.Failed(CallFailure.Connection(error.HttpRequestError.ToString()));
        }
        catch (IOException error)
        {
            return CallResult<T>.Failed(CallFailure.Connection(error.GetType().Name));
        }
        catch (Exception error) when (error is JsonException or NotSupportedException)
        {
            return CallResult<T>.Failed(CallFailure.Invalid(error.GetType().Name));
        }
    }
}
