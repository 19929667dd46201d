using System.Globalization;
using System.Text;
using System.Text.Json;

namespace K8Shop.TelemetryCost;

/// <summary>One measured phase: a variant in a round.</summary>
public sealed record PhaseCost(int Round, string Variant, int Checkouts, Cost Cost, IReadOnlyDictionary<string, int> Outcomes)
{
    public double CpuMsPerCheckout => Cost.Cpu.TotalMilliseconds / Checkouts;
    public double KiBPerCheckout => Cost.AllocatedBytes / 1024.0 / Checkouts;
    public double CheckoutsPerSecond => Checkouts / Cost.Wall.TotalSeconds;

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{CpuMsPerCheckout:F2} ms CPU and {KiBPerCheckout:F0} KiB allocated per checkout, {CheckoutsPerSecond:F0} checkouts/s, " +
        $"GCs {Cost.Gen0}/{Cost.Gen1}/{Cost.Gen2}; {string.Join(", ", Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Value} {o.Key}"))}");
}

/// <summary>
/// The figures of a run and their verdict: per variant the median over rounds of CPU time and bytes allocated per
/// checkout, each as a ratio to <c>off</c>'s median, and the spread of off's own rounds (the noise the ratios sit in).
/// </summary>
public sealed class CostReport(CostOptions options, IReadOnlyList<TelemetryVariant> variants)
{
    /// <summary>The most each variant may add to a checkout's CPU time: the issue's goals.</summary>
    private static readonly Dictionary<string, double> Goals = new(StringComparer.Ordinal)
    {
        ["defaults"] = 0.03,
        ["prometheus"] = 0.03,
        ["otlp"] = 0.10,
        ["otlp-sampled"] = 0.10,
    };

    private readonly List<PhaseCost> _phases = [];

    public PhaseCost Add(int round, string variant, Cost cost, CheckoutTally tally)
    {
        var phase = new PhaseCost(round, variant, options.Checkouts, cost, tally.Outcomes);
        _phases.Add(phase);
        return phase;
    }

    public bool AllConfirmed => _phases.All(p => p.Outcomes.GetValueOrDefault("confirmed") == p.Checkouts);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private IEnumerable<PhaseCost> Of(string variant) => _phases.Where(p => p.Variant == variant);

    private double MedianCpu(string variant) => Median(Of(variant).Select(p => p.CpuMsPerCheckout));

    private double MedianKiB(string variant) => Median(Of(variant).Select(p => p.KiBPerCheckout));

    /// <summary>
    /// Each round's ratio of the variant's CPU per checkout to off's in the same round: the load other processes put
    /// on the cores drifts over minutes, and a pair measured within a minute of each other shares most of it.
    /// </summary>
    private double[] PairedCpuRatios(string variant) =>
    [
        .. Of(variant).Join(Of(TelemetryVariant.Off), p => p.Round, o => o.Round, (p, o) => p.CpuMsPerCheckout / o.CpuMsPerCheckout)
    ];

    public string Text()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"K8Shop telemetry cost per checkout, {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}, {Environment.ProcessorCount} cores, profile {options.Profile}");
        text.AppendLine(inv, $"the real silo application hosted in one process, a fresh silo per phase; {options.Rounds} measured round(s) after a warm-up round,");
        text.AppendLine(inv, $"each variant once per round in a rotating order; {options.Checkouts} checkouts measured per phase (+{options.Warmup} unmeasured), {options.Clients} shoppers");
        foreach (var variant in variants)
            text.AppendLine(inv, $"  {variant.Name,-10} {variant.Description}");
        var offCpu = MedianCpu(TelemetryVariant.Off);
        var offKiB = MedianKiB(TelemetryVariant.Off);
        text.AppendLine("median over rounds of CPU time (the whole process) and bytes allocated per checkout; \"paired\": the median of each round's ratio to off:");
        foreach (var variant in variants.Select(v => v.Name))
        {
            var cpu = MedianCpu(variant);
            var kib = MedianKiB(variant);
            var perRound = Of(variant).OrderBy(p => p.Round).Select(p => p.CpuMsPerCheckout.ToString("F2", inv));
            var paired = PairedCpuRatios(variant);
            text.AppendLine(inv,
                $"  {variant,-10} {cpu,6:F2} ms CPU, ratio to off {cpu / offCpu:F3}, paired by round {Median(paired):F3} ({paired.Min():F3}-{paired.Max():F3});  " +
                $"{kib,6:F1} KiB, ratio {kib / offKiB:F3};  {Median(Of(variant).Select(p => p.CheckoutsPerSecond)),3:F0} checkouts/s;  rounds: {string.Join(' ', perRound)} ms");
        }
        var offRounds = Of(TelemetryVariant.Off).Select(p => p.CpuMsPerCheckout).ToArray();
        if (offRounds.Length > 1)
            text.AppendLine(inv, $"noise: off's own rounds differ by up to {(offRounds.Max() / offRounds.Min() - 1) * 100:F1}% in CPU per checkout");
        foreach (var (variant, allowed) in Goals)
        {
            if (!variants.Any(v => v.Name == variant))
                continue;
            // The verdict is on the median of the paired ratios; the ratio of the medians is shown beside it.
            var ratio = Median(PairedCpuRatios(variant));
            text.AppendLine(inv, $"goal: {variant} adds at most {allowed * 100:F0}% CPU per checkout: {(ratio <= 1 + allowed ? "met" : "not met")} " +
                $"({(ratio - 1) * 100:+0.0;-0.0}% paired by round, {(MedianCpu(variant) / offCpu - 1) * 100:+0.0;-0.0}% median to median; " +
                $"allocations {(MedianKiB(variant) / offKiB - 1) * 100:+0.0;-0.0}%)");
        }
        if (!AllConfirmed)
            text.AppendLine("FAIL: not every checkout ended confirmed; see the outcomes per phase above (stderr)");
        return text.ToString();
    }

    public string Json() => JsonSerializer.Serialize(new
    {
        options.Profile,
        options.Rounds,
        options.Checkouts,
        options.Warmup,
        options.Clients,
        Variants = variants.Select(v => new { v.Name, v.Description }),
        Medians = variants.ToDictionary(v => v.Name, v => new
        {
            CpuMsPerCheckout = MedianCpu(v.Name),
            KiBPerCheckout = MedianKiB(v.Name),
            CpuRatioToOff = MedianCpu(v.Name) / MedianCpu(TelemetryVariant.Off),
            PairedCpuRatioToOff = Median(PairedCpuRatios(v.Name)),
            AllocationRatioToOff = MedianKiB(v.Name) / MedianKiB(TelemetryVariant.Off),
        }),
        Phases = _phases.Select(p => new
        {
            p.Round,
            p.Variant,
            p.Checkouts,
            p.CpuMsPerCheckout,
            p.KiBPerCheckout,
            p.CheckoutsPerSecond,
            GCs = new[] { p.Cost.Gen0, p.Cost.Gen1, p.Cost.Gen2 },
            p.Outcomes,
        }),
        AllConfirmed,
    }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
}
