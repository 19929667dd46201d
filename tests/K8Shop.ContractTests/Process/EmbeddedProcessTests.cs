using System.Diagnostics;
using System.Net;
using System.Text;
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
    public int HttpPort { get; } = TestPorts.Free();

    public int GrpcPort { get; } = TestPorts.Free();

    private readonly StringBuilder _output = new();
    private System.Diagnostics.Process? _silo;

    public async Task InitializeAsync()
    {
        var siloDll = BuiltSilo.DllPath;
        var start = new ProcessStartInfo("dotnet", [siloDll])
        {
            WorkingDirectory = Path.GetDirectoryName(siloDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{HttpPort}";
        start.Environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{GrpcPort}";
        start.Environment["Orleans__SiloPort"] = TestPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = TestPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["K8Shop__Profile"] = "embedded";
        _silo = System.Diagnostics.Process.Start(start)!;
        _silo.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _silo.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _silo.BeginOutputReadLine();
        _silo.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !_silo.HasExited)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{HttpPort}/healthz")).IsSuccessStatusCode && Output.Contains("K8Shop is up", StringComparison.Ordinal))
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"The silo did not become healthy within 60 s. Its output:\n{Output}");
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public async Task DisposeAsync()
    {
        if (_silo is { HasExited: false })
        {
            _silo.Kill(entireProcessTree: true);
            await _silo.WaitForExitAsync();
        }
        _silo?.Dispose();
    }

    /// <summary>src/Silo's own build output, for the configuration this test assembly was built in.</summary>

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
    public async Task Rest_OverKestrel_ServesTheCatalogAndTheDashboard()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.HttpPort}") };

        var product = await http.GetStringAsync("/catalog/BOOK-005");
        var dashboard = await http.GetAsync("/dashboard/");

        Assert.Contains("\"title\":\"Atomic Habits\"", product, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
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
