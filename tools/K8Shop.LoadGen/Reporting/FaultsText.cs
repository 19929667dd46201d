namespace K8Shop.LoadGen.Reporting;

/// <summary>The fault switches' section of the text report: what was on when, and the chaos schedule window by window.</summary>
public static class FaultsText
{
    public static void Write(TextWriter text, FaultsReport faults)
    {
        if (faults.Unavailable is { } reason)
            text.WriteLine($"Faults: not recorded: {reason}");
        else
            text.WriteLine($"Faults: GET /admin/faults polled {faults.Polls} time(s) during the load ({faults.FailedPolls} failed); {faults.Windows.Count} window(s) with a fault on");
        if (faults.Chaos is { } chaos)
            Chaos(text, chaos);
        else
        {
            foreach (var window in faults.Windows)
                text.WriteLine($"  {window.Name,-26} on {window.FromSeconds,8:0.0}s  off {(window.ToSeconds is { } to ? $"{to,8:0.0}s" : "   still")}  ({window.Source})");
        }
        text.WriteLine();
    }

    private static void Chaos(TextWriter text, ChaosReport chaos)
    {
        text.WriteLine($"Chaos: each fault on for {chaos.OnSeconds:0}s, then all off for {chaos.OffSeconds:0}s, in turn over {chaos.Faults.Count} fault(s); figures per window (latency: the series')");
        text.WriteLine($"  {"window",-26} {"seconds",11} {"on at",8} {"off at",8} {"ops/s",9} {"requests",9} {"errors",7} {"p50 ms",9} {"p99 ms",9}  outcomes");
        foreach (var window in chaos.Windows)
        {
            text.WriteLine(
                $"  {window.Fault ?? "(none)",-26} {$"{window.FromSecond}-{window.ToSecond}",11} {Seconds(window.OnAtSeconds),8} {Seconds(window.OffAtSeconds),8} " +
                $"{window.OperationsPerSecond,9:0.0} {window.Requests,9} {window.Errors,7} {Ms(window.P50Ms),9} {Ms(window.P99Ms),9}  " +
                string.Join(", ", window.Outcomes.Select(outcome => $"{outcome.Key} {outcome.Value}")));
            if (window.Problem is { } problem)
                text.WriteLine($"    {problem}");
        }
        if (chaos.Failure is { } failure)
            text.WriteLine($"  FAIL the schedule stopped early: {failure}");
        text.WriteLine(chaos.LeftOn.Count == 0
            ? "  PASS every fault the schedule turned on was turned off again"
            : $"  FAIL still on after the run: {string.Join(", ", chaos.LeftOn)} (each expires by itself after its durationSeconds)");
    }

    private static string Seconds(double? at) => at is { } value ? $"{value:0.0}s" : "-";

    private static string Ms(double? value) => value is { } ms ? $"{ms:0.0}" : "-";
}
