using System.Globalization;
using K8Shop.LoadGen.Http;
using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Running;
using K8Shop.Tools.Auth;

namespace K8Shop.TelemetryCost;

/// <summary>
/// What OpenTelemetry costs one checkout, measured where that cost is paid: in the silo's own process. The real silo
/// application is hosted here, once per telemetry variant (off, nothing configured, Prometheus, OTLP), and driven
/// through its HTTP API; around a fixed number of checkouts the process's CPU time and bytes allocated are read
/// exactly. Variants run in turn and in a rotating order, round after round, so drift on a shared machine falls on
/// every variant alike; a first round, not measured, runs each variant once so that the JIT has compiled every path
/// (including the exporters') before anything is measured. CPU time per checkout is what the goals are about: at
/// saturation a process's throughput is its cores divided by it, and unlike throughput it does not move when other
/// processes take the cores. Bytes allocated per checkout are exact and show where any difference comes from.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        CostOptions options;
        try
        {
            options = CostOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n\n{CostOptions.Usage}");
            return 2;
        }

        var variants = TelemetryVariant.All(options.ManagementPort, options.OtlpEndpoint, options.OtlpProtocol)
            .Where(v => options.Variants.Contains(v.Name) && (!v.Name.StartsWith("otlp", StringComparison.Ordinal) || options.OtlpEndpoint is not null))
            .ToList();
        var skus = Enumerable.Range(1, options.Skus).Select(i => string.Create(CultureInfo.InvariantCulture, $"BOOK-{i:000}")).ToList();
        var common = new Dictionary<string, string?>
        {
            ["K8Shop:Profile"] = options.Profile,
            ["Auth:Mode"] = "open",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
            // The silo's log lines go to stderr, next to this tool's progress; stdout is the report alone.
            ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
            ["Management:Urls"] = null,
            ["Cart:IdleExpiry"] = "01:00:00",
        };
        var report = new CostReport(options, variants);
        var stocked = false;
        using var allocations = options.Allocations > 0 ? new AllocationSampler() : null;

        for (var round = 0; round <= options.Rounds; round++)
        {
            // Round 0 only warms up; later rounds start one variant further along, so each takes each position in turn.
            var order = variants.Skip(round % variants.Count).Concat(variants.Take(round % variants.Count)).ToList();
            foreach (var variant in order)
            {
                Console.Error.Write(round == 0
                    ? $"warm-up: {variant.Name}, {Math.Max(options.Warmup, 300)} checkouts ... "
                    : $"round {round} of {options.Rounds}: {variant.Name}, {options.Warmup} checkouts, then {options.Checkouts} measured ... ");
                await using var silo = await HostedSilo.StartAsync(options.ContentRoot, common, variant, $"cost-{options.RunId}-{round}-{variant.Name}");
                if (!stocked)
                {
                    await SetStockAsync(silo.BaseAddress, skus, options.SetupStock);
                    stocked = true;
                }
                using var driver = new CheckoutDriver(silo.BaseAddress, skus, options.Clients, options.Rate, $"{options.RunId}-{round}-{variant.Name}");
                if (round == 0)
                {
                    var warm = await driver.RunAsync(Math.Max(options.Warmup, 300));
                    Console.Error.WriteLine($"{warm.Confirmed} confirmed; telemetry: {Describe(silo)}");
                    continue;
                }
                await driver.RunAsync(options.Warmup);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                allocations?.Reset();
                var before = CostSnapshot.Take();
                var tally = await driver.RunAsync(options.Checkouts);
                var cost = CostSnapshot.Take() - before;
                var phase = report.Add(round, variant.Name, cost, tally);
                Console.Error.WriteLine(phase.Summary());
                foreach (var (type, bytes) in allocations?.Top(options.Allocations, options.Checkouts) ?? [])
                    Console.Error.WriteLine($"    {bytes / 1024,8:F1} KiB/checkout  {type}");
                foreach (var (exception, count) in allocations?.Exceptions(options.Allocations) ?? [])
                    Console.Error.WriteLine($"    {count,8} thrown  {exception}");
            }
        }

        var text = report.Text();
        Console.WriteLine(text);
        if (options.Json is { } json)
            await File.WriteAllTextAsync(json, report.Json());
        return report.AllConfirmed ? 0 : 1;
    }

    private static string Describe(HostedSilo silo) => silo.Telemetry switch
    {
        { Disabled: true } => "disabled",
        var t => $"tracing {(t.Tracing ? "on" : "off")}, metrics {(t.Metrics ? "on" : "off")}, OTLP {t.OtlpEndpoint?.ToString() ?? "none"}, " +
                 $"management {(t.ManagementUrls.Count == 0 ? "none" : string.Join(' ', t.ManagementUrls))}",
    };

    /// <summary>
    /// Gives every book its stock with the operator's token (stock moves need an admin even under Auth:Mode=open), from
    /// the co-hosted identity provider, whose operator client has the secret the silo was given.
    /// </summary>
    private static async Task SetStockAsync(Uri baseAddress, IReadOnlyList<string> skus, int stock)
    {
        var secret = Environment.GetEnvironmentVariable(OperatorSecretVariable);
        if (string.IsNullOrEmpty(secret))
            throw new InvalidOperationException($"{OperatorSecretVariable} is not set: the operator client's secret sets the stock (scripts/bench.sh sets it)");
        using var http = GatewayHttp.CreateClient(baseAddress, 8, TimeSpan.FromSeconds(30));
        var tokens = new TokenEndpointClient(http, new Uri(baseAddress, "connect/token"), new ClientCredentials("operator", secret));
        var admin = new CachedAccessToken(tokens.ClientCredentialsAsync);
        await StockBaseline.PrepareAsync(new InventoryClient(http, TimeSpan.FromSeconds(30)), skus, stock, admin, CancellationToken.None);
    }

    private const string OperatorSecretVariable = "Identity__OperatorClient__Secret";
}
