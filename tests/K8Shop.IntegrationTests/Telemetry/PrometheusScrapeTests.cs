using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using K8Shop.TestSupport;

namespace K8Shop.IntegrationTests.Telemetry;

/// <summary>
/// A real Prometheus scrapes a running silo's management port: the checkout counter the silo's meters report reaches
/// PromQL, and the metrics stay off the public port.
/// </summary>
public sealed class PrometheusScrapeTests
{
    [PrometheusFact]
    public async Task Prometheus_scraping_a_silo_answers_the_checkout_counter_after_checkouts()
    {
        var management = TestPorts.Free();
        await using var silo = await StartSiloAsync(management);
        await using var prometheus = await PrometheusServer.StartAsync([$"127.0.0.1:{management}"], TimeSpan.FromSeconds(1));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        for (var i = 0; i < 3; i++)
        {
            var placed = await http.PostAsJsonAsync($"{silo.Ports.HttpUrl}/orders", new { userId = $"prom-{i}", items = new[] { new { sku = "BOOK-001", qty = 1 } } });
            Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)> confirmed = [];
        while (DateTime.UtcNow < deadline)
        {
            confirmed = await prometheus.QueryAsync("sum by (outcome) (k8shop_checkouts_total{outcome=\"confirmed\"})");
            if (confirmed.Count > 0 && confirmed[0].Value >= 3)
                break;
            await Task.Delay(500);
        }
        var up = await prometheus.QueryAsync("up{job=\"k8shop\"}");
        var duration = await prometheus.QueryAsync("sum(k8shop_checkout_duration_seconds_count)");

        Assert.True(confirmed.Count == 1 && confirmed[0].Value >= 3,
            $"k8shop_checkouts_total{{outcome=\"confirmed\"}} never reached 3 (got {string.Join(", ", confirmed.Select(c => c.Value))}). Prometheus:\n{prometheus.Output}");
        Assert.Equal(1, Assert.Single(up).Value);
        Assert.True(Assert.Single(duration).Value >= 3);
    }

    [PrometheusFact]
    public async Task Metrics_are_served_on_the_management_port_only()
    {
        var management = TestPorts.Free();
        await using var silo = await StartSiloAsync(management);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var onManagement = await http.GetAsync($"http://127.0.0.1:{management}/metrics");
        var text = await onManagement.Content.ReadAsStringAsync();
        var onPublic = await http.GetAsync($"{silo.Ports.HttpUrl}/metrics");
        var apiOnManagement = await http.GetAsync($"http://127.0.0.1:{management}/orders/healthz");

        Assert.Equal(HttpStatusCode.OK, onManagement.StatusCode);
        Assert.Contains("# TYPE dotnet_gc_collections_total counter", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, onPublic.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, apiOnManagement.StatusCode);
    }

    /// <summary>An embedded silo process in open mode with its management port on <paramref name="management"/>, ready.</summary>
    private static async Task<HostProcess> StartSiloAsync(int management)
    {
        var silo = HostProcess.Start(BuiltSilo.DllPath, ports =>
        [
            .. ports.Settings(),
            new("K8Shop__Profile", "embedded"),
            new("K8Shop__Dashboard", "false"),
            new("Auth__Mode", "open"),
            new("Identity__DevelopmentKeys", "true"),
            new("Identity__RequireHttps", "false"),
            new("Management__Urls", $"http://127.0.0.1:{management.ToString(CultureInfo.InvariantCulture)}"),
            new("Logging__LogLevel__Default", "Warning"),
        ]);
        try
        {
            await silo.WaitUntilReadyAsync("/orders/healthz", TimeSpan.FromSeconds(120));
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }
}
