using System.Net;
using Catalog.V1;
using Grpc.Net.Client;
using K8Shop.TestSupport;

namespace K8Shop.ContractTests.Process;

/// <summary>
/// The built silo started as a user starts it (its own process, Kestrel, appsettings.json), with only its ports
/// moved by environment variables: REST over HTTP/1.1 and gRPC over cleartext HTTP/2 on real sockets.
/// </summary>
public sealed class EmbeddedSiloProcess : IAsyncLifetime
{
    private HostProcess? _silo;

    public int HttpPort => _silo!.Ports.Http;

    public int GrpcPort => _silo!.Ports.Grpc;

    public string Output => _silo?.Output ?? "";

    public async Task InitializeAsync()
    {
        _silo = HostProcess.Start(BuiltSilo.DllPath, ports => [.. ports.Settings(), new("K8Shop__Profile", "embedded")]);
        await _silo.WaitUntilReadyAsync("/healthz", TimeSpan.FromSeconds(60));
        // The banner is logged once the host has started, a moment after Kestrel answers.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Output.Contains("K8Shop is up", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            await Task.Delay(100);
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
    }
}

/// <summary>What a user sees of the embedded host: the startup log, REST and the dashboard over Kestrel, gRPC over h2c.</summary>
public sealed class EmbeddedProcessTests(EmbeddedSiloProcess silo) : IClassFixture<EmbeddedSiloProcess>
{
    [Fact]
    public void Startup_Log_SaysWhichUrlsToOpen()
    {
        Assert.Contains($"http://127.0.0.1:{silo.HttpPort}/dashboard", silo.Output, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{silo.HttpPort}/catalog", silo.Output, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{silo.GrpcPort}", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rest_OverKestrel_ServesTheCatalog_AndTheDashboardToNoAnonymousCaller()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.HttpPort}") };

        var product = await http.GetStringAsync("/catalog/BOOK-005");
        var dashboard = await http.GetAsync("/dashboard/");

        Assert.Contains("\"title\":\"Atomic Habits\"", product, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, dashboard.StatusCode);
    }

    [Fact]
    public async Task Grpc_OverCleartextHttp2_ListsAndGetsProducts()
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{silo.GrpcPort}");
        var client = new CatalogService.CatalogServiceClient(channel);

        var list = await client.ListProductsAsync(new ListProductsRequest { Tag = "devops" });
        var product = await client.GetProductAsync(new GetProductRequest { Id = "BOOK-006" });

        Assert.Contains(list.Items, p => p.Sku == "BOOK-006");
        Assert.Equal("The Phoenix Project", product.Title);
    }
}
