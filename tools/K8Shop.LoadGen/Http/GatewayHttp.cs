using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using K8Shop.LoadGen.Inventory;
using K8Shop.Tools.Auth;

namespace K8Shop.LoadGen.Http;

/// <summary>
/// The one HttpClient of a run (a connection per concurrent request, recycled so DNS changes are seen) and the one
/// way every client sends through it: never throwing for what a server or network can do, each request with its
/// own deadline, so one stuck request cannot hold a client forever.
/// </summary>
public static class GatewayHttp
{
    public static HttpClient CreateClient(Uri baseAddress, int concurrency, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = timeout,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
        };
        // Deadlines are per request in SendAsync, so the client-wide timeout is off.
        return new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version11,
        };
    }

    // Serialized up front so the request carries a Content-Length: chunked bodies cost the server more to read.
    public static ByteArrayContent Body<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>
    /// Sends one request, with <paramref name="bearer"/>'s token when there is one (cached: renewing it is rare and
    /// counts against the request's deadline); <paramref name="headers"/> adds what else the route needs (an Idempotency-Key).
    /// </summary>
    public static async Task<CallResult<T>> SendAsync<T>(
        HttpClient http, TimeSpan timeout, HttpMethod method, string path, HttpContent? content, IAccessTokenSource? bearer,
        Action<HttpRequestHeaders>? headers, JsonTypeInfo<T> replyType, CancellationToken cancellation)
        where T : class
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        headers?.Invoke(request.Headers);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            if (bearer is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await bearer.GetAsync(deadline.Token));
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
        catch (TokenRequestException)
        {
            return CallResult<T>.Failed(CallFailure.Connection("token endpoint"));
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
