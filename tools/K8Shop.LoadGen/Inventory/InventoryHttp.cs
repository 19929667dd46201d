using System.Net;

namespace K8Shop.LoadGen.Inventory;

/// <summary>The one HttpClient of a run: a connection per concurrent request, recycled so DNS changes are seen.</summary>
public static class InventoryHttp
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
        // Deadlines are per request in InventoryClient, so the client-wide timeout is off.
        return new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version11,
        };
    }
}
