namespace K8Shop.LoadGen.Faults;

/// <summary>A fault the schedule turns on, with what it sends: the kind decides the parameters.</summary>
public sealed record ChaosFault(string Name, string? Kind)
{
    public const double ErrorProbability = 0.5;
    public const int LatencyMs = 300;

    /// <summary>On, with a safety expiry: should the tool die with it on, the gateway turns it off by itself.</summary>
    public FaultSetting TurnOn(TimeSpan on) => Kind == "latency"
        ? new FaultSetting(true, 1.0, LatencyMs, SafetySeconds(on))
        : new FaultSetting(true, ErrorProbability, null, SafetySeconds(on));

    public static FaultSetting TurnOff { get; } = new(false);

    private static int SafetySeconds(TimeSpan on) => (int)Math.Ceiling(on.TotalSeconds) + 30;
}

/// <summary>One planned span of whole run seconds [From, To): a fault on, or (Fault null) every fault off.</summary>
public sealed record PlannedWindow(ChaosFault? Fault, long FromSecond, long ToSecond);

/// <summary>
/// The chaos schedule in whole seconds of the run: from <c>startSecond</c>, first <c>off</c> with nothing on (the
/// baseline), then each fault in turn <c>on</c>, then <c>off</c> to recover, starting over after the last one, until
/// <c>endSecond</c> (cut there) or forever when the run is bounded by operations instead.
/// </summary>
public static class ChaosPlan
{
    public static IEnumerable<PlannedWindow> Windows(IReadOnlyList<ChaosFault> faults, TimeSpan on, TimeSpan off, long startSecond, long? endSecond)
    {
        if (faults.Count == 0)
            yield break;
        var (onSeconds, offSeconds) = (Seconds(on), Seconds(off));
        var at = startSecond;
        var end = endSecond ?? long.MaxValue;
        if (offSeconds > 0 && at < end)
        {
            yield return new PlannedWindow(null, at, Math.Min(at + offSeconds, end));
            at += offSeconds;
        }
        for (var turn = 0; at < end; turn++)
        {
            yield return new PlannedWindow(faults[turn % faults.Count], at, Math.Min(at + onSeconds, end));
            at += onSeconds;
            if (offSeconds == 0 || at >= end)
                continue;
            yield return new PlannedWindow(null, at, Math.Min(at + offSeconds, end));
            at += offSeconds;
        }
    }

    private static long Seconds(TimeSpan span) => Math.Max(0, (long)Math.Round(span.TotalSeconds));
}
