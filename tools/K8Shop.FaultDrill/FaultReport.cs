using System.Globalization;
using System.Text;

namespace K8Shop.FaultDrill;

/// <summary>The drill's findings: each invariant's violations (all must be zero), the outcomes, and the timings.</summary>
public sealed record FaultReport
{
    public string Target { get; init; } = "";

    public int Checkouts { get; init; }

    public int Acknowledged { get; init; }

    /// <summary>Checkouts that got no 2xx within the retry window, or a 4xx.</summary>
    public int Unacknowledged { get; init; }

    public IReadOnlyDictionary<string, int> Outcomes { get; init; } = new Dictionary<string, int>();

    /// <summary>Acknowledged checkouts whose order is missing or differs from what the client was told.</summary>
    public List<string> Lost { get; init; } = [];

    /// <summary>Orders beyond one per Idempotency-Key: ids listed twice, or listed orders no key of the run stands for.</summary>
    public List<string> DuplicateOrders { get; init; } = [];

    /// <summary>Orders whose payment is missing, not the order's own, of another amount, or present where none was due.</summary>
    public List<string> PaymentProblems { get; init; } = [];

    /// <summary>SKUs whose stock went negative, sold more than it had, kept reservations, or disagree with the confirmed orders.</summary>
    public List<string> Oversell { get; init; } = [];

    /// <summary>Stored orders not in a final state within the settle window after the restart.</summary>
    public int NotFinal { get; init; }

    /// <summary>The order ids whose grains were active on the target just before the kill, when the drill could ask.</summary>
    public IReadOnlySet<string>? OrdersOnTarget { get; init; }

    /// <summary>Checkouts whose order grain lived on the target and that were not yet acknowledged when it was killed.</summary>
    public IReadOnlyList<CheckoutRecord> OwnedByTheTarget =>
        OrdersOnTarget is null ? [] : [.. Records.Where(r => OrdersOnTarget.Contains(r.Plan.OrderId) && !(r.AcknowledgedAt < KillIssuedAt))];

    /// <summary>When the drill asked for the kill: the earliest the target can have died.</summary>
    public DateTimeOffset KillIssuedAt { get; init; }

    /// <summary>When the kill command returned: the target was gone by then.</summary>
    public DateTimeOffset KilledAt { get; init; }

    public DateTimeOffset RestartedAt { get; init; }

    public TimeSpan? SettledAfterRestart { get; init; }

    public TimeSpan TotalRuntime { get; init; }

    public IReadOnlyList<CheckoutRecord> Records { get; init; } = [];

    public bool Passed => Unacknowledged == 0 && Lost.Count == 0 && DuplicateOrders.Count == 0 && PaymentProblems.Count == 0
        && Oversell.Count == 0 && NotFinal == 0 && SettledAfterRestart is not null;

    /// <summary>First try to acknowledgement, retries included, of every acknowledged checkout.</summary>
    public IReadOnlyList<TimeSpan> Latencies => [.. Records.Select(r => r.Latency).OfType<TimeSpan>().Order()];

    /// <summary>Checkouts with a failed attempt after the kill: the keys whose grains (order, or a SKU it needed) the dead silo held or that were sent its way.</summary>
    public IReadOnlyList<CheckoutRecord> HitByTheKill => [.. Records.Where(r => r.Failures.Any(f => f.At >= KillIssuedAt))];

    /// <summary>For each checkout hit by the kill: from the kill (asked for) to its acknowledgement.</summary>
    public IReadOnlyList<TimeSpan> TimeToSuccessAfterKill => SinceKill(HitByTheKill);

    public IReadOnlyList<TimeSpan> SinceKill(IEnumerable<CheckoutRecord> records) =>
        [.. records.Select(r => r.AcknowledgedAt - KillIssuedAt).OfType<TimeSpan>().Order()];

    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public string ToText()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("N0", inv) + " ms";
        string Line(IReadOnlyList<TimeSpan> s) => s.Count == 0 ? "none" :
            $"p50 {Ms(Percentile(s, 50))}, p90 {Ms(Percentile(s, 90))}, p99 {Ms(Percentile(s, 99))}, max {Ms(s[^1])} (n={s.Count})";
        string Check(string name, int violations, IEnumerable<string> examples) =>
            $"  {name,-22} {(violations == 0 ? "ok" : "FAILED")}  {violations}" + (violations == 0 ? "" : "  e.g. " + string.Join("; ", examples.Take(3)));

        text.AppendLine(inv, $"fault drill: {Checkouts} checkouts, {Target} killed (SIGKILL, gone {(KilledAt - KillIssuedAt).TotalSeconds:F1} s after asking) and restarted {(RestartedAt - KilledAt).TotalSeconds:F1} s later");
        text.AppendLine(inv, $"  acknowledged           {Acknowledged} of {Checkouts} ({string.Join(", ", Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))})");
        text.AppendLine(Check("unacknowledged", Unacknowledged, Records.Where(r => r.Acknowledged is null).Select(r => $"{r.Plan.Key}: {r.Refused ?? r.Failures.LastOrDefault().Reason}")));
        text.AppendLine(Check("lost acknowledged", Lost.Count, Lost));
        text.AppendLine(Check("duplicate orders", DuplicateOrders.Count, DuplicateOrders));
        text.AppendLine(Check("payment problems", PaymentProblems.Count, PaymentProblems));
        text.AppendLine(Check("oversell", Oversell.Count, Oversell));
        text.AppendLine(SettledAfterRestart is { } settled
            ? $"  all final              ok  checked {settled.TotalSeconds:F1} s after the restart began"
            : $"  all final              FAILED  {NotFinal} orders not final in time");
        text.AppendLine($"  latency (first try to acknowledged, retries included): {Line(Latencies)}");
        var hit = HitByTheKill;
        text.AppendLine(inv, $"  hit by the kill        {hit.Count} checkouts ({hit.Sum(r => r.Failures.Count)} failed attempts: {string.Join(", ", hit.SelectMany(r => r.Failures).GroupBy(f => f.Reason.Split(':')[0]).Select(g => $"{g.Key} {g.Count()}"))})");
        text.AppendLine($"  their time from the kill to success: {Line(TimeToSuccessAfterKill)}");
        if (OrdersOnTarget is not null)
        {
            var owned = OwnedByTheTarget;
            text.AppendLine(inv, $"  order grains on {Target} at the kill: {OrdersOnTarget.Count}, of which {owned.Count} not yet acknowledged (most attempts {(owned.Count == 0 ? 0 : owned.Max(r => r.Attempts))})");
            text.AppendLine($"  their time from the kill to success: {Line(SinceKill(owned))}");
        }
        text.AppendLine(inv, $"  attempts               {Records.Sum(r => r.Attempts)} for {Checkouts} checkouts, at most {(Records.Count == 0 ? 0 : Records.Max(r => r.Attempts))} for one");
        text.AppendLine(inv, $"  total runtime          {TotalRuntime.TotalSeconds:F1} s");
        text.AppendLine(Passed ? "PASSED" : "FAILED");
        return text.ToString();
    }
}
