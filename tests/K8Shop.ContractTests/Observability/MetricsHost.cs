using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using K8Shop.ContractTests.Hosts;
using K8Shop.TestSupport;

namespace K8Shop.ContractTests.Observability;

/// <summary>
/// The real silo host on Kestrel with its management port on a free loopback port, as an operator runs it, and a
/// listener that records every instrument the process publishes (meters need not be exported to be seen here).
/// </summary>
public sealed class MetricsHost : IAsyncDisposable
{
    private readonly K8ShopHost _host;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, bool> _instruments = new();

    public HttpClient Api { get; }
    public HttpClient Management { get; }

    private MetricsHost(IReadOnlyDictionary<string, string?> profile)
    {
        _listener.InstrumentPublished = (instrument, _) => _instruments.TryAdd(instrument, true);
        _listener.Start();
        // A free port can be taken by another test between TestPorts.Free() and the bind: then start again on fresh ones.
        int httpPort, managementPort;
        for (var attempt = 1; ; attempt++)
        {
            httpPort = TestPorts.Free();
            managementPort = TestPorts.Free();
            var settings = new Dictionary<string, string?>(profile)
            {
                ["Auth:Mode"] = "open",
                ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{httpPort}",
                ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{TestPorts.Free()}",
                ["Management:Urls"] = $"http://127.0.0.1:{managementPort}",
            };
            var host = new K8ShopHost(settings);
            host.UseKestrel();
            try
            {
                host.StartServer();
                _host = host;
                break;
            }
            catch (IOException bind) when (attempt < 3 && bind.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                host.Dispose();
            }
        }
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        Management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}") };
    }

    public static MetricsHost Embedded() => new(new Dictionary<string, string?> { ["K8Shop:Profile"] = "embedded" });

    public static MetricsHost Cluster(PostgresDatabase database, string notificationQueue) => new(new Dictionary<string, string?>
    {
        ["K8Shop:Profile"] = "cluster",
        ["ConnectionStrings:Postgres"] = database.ConnectionString,
        ["ConnectionStrings:Redis"] = TestServices.RedisConnectionString,
        ["ConnectionStrings:RabbitMQ"] = TestServices.RabbitMQConnectionString,
        ["DynamoDB:ServiceUrl"] = TestServices.DynamoDBServiceUrl,
        ["DynamoDB:TableName"] = $"k8shop-metrics-{Guid.NewGuid():N}",
        ["Notifications:Queue:Name"] = notificationQueue,
        ["Smtp:Host"] = TestServices.SmtpHost,
        ["Smtp:Port"] = TestServices.SmtpPort.ToString(CultureInfo.InvariantCulture),
    });

    /// <summary>The Prometheus names of every instrument this process has published so far.</summary>
    public IReadOnlySet<string> RegisteredNames() => _instruments.Keys.SelectMany(PrometheusNames.Of).ToHashSet(StringComparer.Ordinal);

    /// <summary>The instruments, by meter, whose series are named <paramref name="prometheusName"/>.</summary>
    public IEnumerable<string> InstrumentsNamed(string prometheusName) =>
        _instruments.Keys.Where(i => PrometheusNames.Of(i).Contains(prometheusName)).Select(i => $"{i.Meter.Name}/{i.Name}");

    /// <summary>A product with stock, then a confirmed checkout of one copy through the public API.</summary>
    public async Task<string> CheckoutAsync()
    {
        var sku = $"MET-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        using (var create = new HttpRequestMessage(HttpMethod.Post, "/products"))
        {
            create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Admin());
            create.Content = JsonContent.Create(new { sku, title = $"Metrics book {sku}", price = 12.5m, stock = 10, tags = new[] { "test" } });
            var created = await Api.SendAsync(create);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var order = await Api.PostAsJsonAsync("/orders", new { userId = $"metrics-{Guid.NewGuid():N}"[..20], items = new[] { new { sku, qty = 1 } } });
        var body = await order.Content.ReadAsStringAsync();
        Assert.True(order.IsSuccessStatusCode, $"checkout answered {(int)order.StatusCode}: {body}");
        Assert.Contains("\"confirmed\"", body, StringComparison.Ordinal);
        return sku;
    }

    /// <summary>GET /metrics on the management port: the text and the metric names its samples carry.</summary>
    public async Task<(string Text, IReadOnlySet<string> Names)> ScrapeAsync()
    {
        var text = await Management.GetStringAsync("/metrics");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var end = line.IndexOfAny(['{', ' ']);
            names.Add(end < 0 ? line : line[..end]);
        }
        return (text, names);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Management.Dispose();
        await _host.DisposeAsync();
        _listener.Dispose();
    }
}
