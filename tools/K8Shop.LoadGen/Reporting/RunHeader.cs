using System.Globalization;
using K8Shop.LoadGen.Cli;
using K8Shop.LoadGen.Scenarios;

namespace K8Shop.LoadGen.Reporting;

/// <summary>What the run is about to do, printed before it starts.</summary>
public static class RunHeader
{
    public static void Write(TextWriter output, LoadGenOptions options, IScenario scenario)
    {
        var invariant = CultureInfo.InvariantCulture;
        var mode = options.Mode == LoadMode.ClosedLoop
            ? $"closed loop, {options.Clients} client(s), each starting its next operation when the previous one ends"
            : string.Create(invariant, $"open loop, {options.Rate:0.###} operations/s on a fixed schedule, at most {options.MaxInFlight} in flight");
        var length = options.Operations is { } operations
            ? $"{operations} operations measured"
            : $"{Durations.Format(options.Duration!.Value)} measured";
        var setup = options.SetupStock is { } stock
            ? $"PUT stock {stock} on {scenario.Skus.Count} SKU(s), then GET the initial state"
            : $"GET the current state of {scenario.Skus.Count} SKU(s) as the baseline (no --setup-stock)";

        output.WriteLine($"k8shop-loadgen: scenario {scenario.Name} ({scenario.Description})");
        output.WriteLine($"  mode      {mode}");
        output.WriteLine($"  url       {options.Url}");
        output.WriteLine($"  length    {Durations.Format(options.Warmup)} warmup (not in the figures), then {length}");
        output.WriteLine(scenario is CheckoutScenario
            ? string.Create(invariant,
                $"  choices   declined payments {options.DeclineRatio:0.##}; repeat order {options.RepeatRatio:0.##}; up to {options.OrderRetries} order retries; verify {options.VerifySample} orders after; seed {options.Seed}")
            : string.Create(invariant,
                $"  choices   release {options.ReleaseRatio:0.##}, else commit {options.CommitRatio:0.##}, else hold; repeat reserve {options.RepeatRatio:0.##}; ttl {options.TtlSeconds}s; seed {options.Seed}"));
        output.WriteLine($"  setup     {setup}");
        output.WriteLine($"  auth      {AuthLine(options, scenario)}");
        output.WriteLine();
        output.Flush();
    }

    private static string AuthLine(LoadGenOptions options, IScenario scenario) => !options.AuthRequired
        ? "open: no token on load requests (the gateway runs Auth__Mode=open)"
        : scenario is CheckoutScenario
            ? $"required: shopper accounts created before the load, tokens by the password grant of '{options.Client}' at {options.EffectiveTokenUrl}"
            : $"required: stock moves carry the client-credentials token of '{options.Client}' from {options.EffectiveTokenUrl}";
}
