using System.Globalization;
using K8Shop.ContractTests.Hosts;
using K8Shop.TestSupport;

namespace K8Shop.ContractTests.Security;

/// <summary>
/// An embedded host of its own on real Kestrel (a test server sends no <c>Server</c> header and has no client address),
/// with tight limits: 5 requests a minute per address, 2 credential POSTs a minute, and one allowed CORS origin.
/// </summary>
public sealed class EdgeHostFixture : IAsyncLifetime
{
    public const int PerAddressLimit = 5;
    public const int AuthLimit = 2;
    public const string AllowedOrigin = "https://shop.example.com";

    private readonly int _httpPort = TestPorts.Free();
    private K8ShopHost? _host;

    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        _host = new K8ShopHost(new Dictionary<string, string?>
        {
            ["K8Shop:Profile"] = "embedded",
            ["Auth:Mode"] = "required",
            ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{_httpPort}",
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{TestPorts.Free()}",
            ["RateLimits:PerAddress:PermitLimit"] = PerAddressLimit.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:PerAddress:Window"] = "00:01:00",
            ["RateLimits:Auth:PermitLimit"] = AuthLimit.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:Auth:Window"] = "00:01:00",
            ["Cors:AllowedOrigins:0"] = AllowedOrigin,
        });
        _host.UseKestrel();
        _host.StartServer();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_httpPort}") };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_host is not null)
            await _host.DisposeAsync();
    }
}
