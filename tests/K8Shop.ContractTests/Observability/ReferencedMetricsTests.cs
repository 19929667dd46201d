using K8Shop.TestSupport;

namespace K8Shop.ContractTests.Observability;

/// <summary>
/// Every metric the Grafana dashboards and the alert rules use (infra/observability/referenced-metrics.txt, written from
/// them and checked by infra/tests) is one the code emits: a silo is driven through a checkout and its management port
/// scraped. Counters that only exist after their event (a shed reservation, a dead letter) must at least be registered
/// instruments of this process, named as the exporter would name them; names only the cluster profile has are proven by
/// the cluster test. The test fails on a typo in a panel as much as on an instrument renamed in code.
/// </summary>
public sealed class ReferencedMetricsTests
{
    /// <summary>Series a counter gets only once its event happens; a checkout that goes well has none of them.</summary>
    public static readonly IReadOnlyDictionary<string, string> OnlyAfterTheirEvent = new Dictionary<string, string>
    {
        ["k8shop_inventory_shed_total"] = "a SKU refuses a reservation because it is overloaded",
        ["k8shop_events_dead_lettered_total"] = "a consumer rejects a message to a dead-letter queue",
        ["k8shop_emails_failed_total"] = "an SMTP send fails",
        ["k8shop_saga_resumed_total"] = "a reminder or the sweep resumes an interrupted checkout",
        ["k8shop_faults_injected_total"] = "a fault switch that is on fires",
        ["orleans_messaging_pings_reply_missed_total"] = "a silo misses a ping reply from another silo (two silos and a failure)",
    };

    /// <summary>Series only the cluster profile has: its broker, its queues, its membership.</summary>
    public static readonly IReadOnlyDictionary<string, string> ClusterOnly = new Dictionary<string, string>
    {
        ["k8shop_events_consumed_total"] = "embedded mode has no broker: nothing is consumed from a RabbitMQ queue",
    };

    [Fact]
    public async Task Embedded_AfterACheckout_ServesEveryReferencedMetricOnItsManagementPort()
    {
        await using var host = MetricsHost.Embedded();
        await AssertReferencedMetricsAsync(host, ClusterOnly.Keys.ToHashSet(StringComparer.Ordinal));
    }

    [ClusterFact]
    public async Task Cluster_AfterACheckout_ServesEveryReferencedMetricOnItsManagementPort()
    {
        await using var database = await PostgresDatabase.CreateAsync("metrics");
        await using var host = MetricsHost.Cluster(database, $"notification-metrics-{Guid.NewGuid():N}");
        await AssertReferencedMetricsAsync(host, new HashSet<string>(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PublicPort_DoesNotServeMetrics()
    {
        await using var host = MetricsHost.Embedded();

        var publicPort = await host.Api.GetAsync("/metrics");
        var managementPort = await host.Management.GetAsync("/metrics");

        Assert.NotEqual(System.Net.HttpStatusCode.OK, publicPort.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, managementPort.StatusCode);
    }

    private static async Task AssertReferencedMetricsAsync(MetricsHost host, IReadOnlySet<string> notHere)
    {
        var referenced = ReferencedMetrics();
        await host.CheckoutAsync();

        // Observable gauges and the outbox's publish come a moment after the checkout answers: scrape until nothing
        // more is expected to appear, at most 30 s.
        var expected = referenced.Where(n => !OnlyAfterTheirEvent.ContainsKey(n) && !notHere.Contains(n)).ToList();
        var (text, scraped) = await host.ScrapeAsync();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); expected.Any(n => !scraped.Contains(n)) && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(500);
            (text, scraped) = await host.ScrapeAsync();
        }

        var registered = host.RegisteredNames();
        var missing = expected.Where(n => !scraped.Contains(n)).ToList();
        var unregistered = referenced.Where(n => OnlyAfterTheirEvent.ContainsKey(n) && !scraped.Contains(n) && !registered.Contains(n)).ToList();
        // The naming rules above must be the exporter's: each of our and Orleans' series on /metrics is predicted.
        var unpredicted = scraped.Where(n => (n.StartsWith("k8shop_", StringComparison.Ordinal) || n.StartsWith("orleans_", StringComparison.Ordinal))
            && !registered.Contains(n)).ToList();

        Assert.True(missing.Count == 0 && unregistered.Count == 0 && unpredicted.Count == 0,
            $"referenced but not on /metrics: [{string.Join(", ", missing)}]\n" +
            $"referenced, only after their event, and no such instrument registered: [{string.Join(", ", unregistered)}]\n" +
            $"on /metrics but not predicted from a registered instrument: [{string.Join(", ", unpredicted)}]\n" +
            $"names on /metrics: {string.Join(", ", scraped.Order(StringComparer.Ordinal))}");
        Assert.Contains("k8shop_checkouts_total{", text, StringComparison.Ordinal);
    }

    /// <summary>infra/observability/referenced-metrics.txt: one name a line, # comments.</summary>
    private static List<string> ReferencedMetrics()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "K8Shop.sln")))
            directory = directory.Parent;
        var file = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("K8Shop.sln not found above the test output"),
            "infra", "observability", "referenced-metrics.txt");
        var names = File.ReadAllLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.True(names.Count >= 20, $"{file} lists only {names.Count} names");
        return names;
    }
}
