using System.Text.Json.Serialization;

namespace K8Shop.LoadGen.Reporting;

/// <summary>
/// The run second by second, warmup included (second 0 starts with the load). LatencyOf names what the percentiles
/// time: "checkout" (the whole checkout) or "request" (every request). LateSamples counts samples whose second had
/// already closed when they arrived (a thread stalled for seconds), left out of the series but not of the totals.
/// </summary>
public sealed record SeriesReport(string LatencyOf, DateTimeOffset StartedAt, double WarmupSeconds, long LateSamples, IReadOnlyList<SeriesPoint> Seconds);

/// <summary>
/// One second: operations completed in it, requests answered (Ok without error, Errors with, by kind), business
/// answers by outcome (order_confirmed, order_payment_failed, granted...: those that occurred), latency percentiles of
/// what was answered in it (null when nothing was), and the faults on at any moment of it.
/// </summary>
public sealed record SeriesPoint(
    long ElapsedSeconds,
    DateTimeOffset WallTime,
    bool Measured,
    long Operations,
    long Requests,
    long Ok,
    long Errors,
    SecondErrors ErrorsByKind,
    IReadOnlyDictionary<string, long> Outcomes,
    double? P50Ms,
    double? P99Ms,
    double? MaxMs,
    IReadOnlyList<string> Faults);

/// <summary>Failed requests of one second by kind, named as in the report's errors.</summary>
public sealed record SecondErrors(
    [property: JsonPropertyName("http_429")] long Http429,
    [property: JsonPropertyName("http_503")] long Http503,
    long HttpOther,
    long Timeouts,
    long ConnectionErrors,
    long InvalidReplies);

/// <summary>
/// What was known of the gateway's fault switches: polled once a second (Polls, FailedPolls; Unavailable says why
/// not at all), the windows each fault was on (from the chaos schedule's own switching, else from the polls), and the
/// chaos schedule when --chaos ran one.
/// </summary>
public sealed record FaultsReport(string? Unavailable, int Polls, int FailedPolls, IReadOnlyList<FaultWindow> Windows, ChaosReport? Chaos)
{
    public bool Passed => Chaos?.Passed ?? true;
}

/// <summary>A fault on from FromSeconds to ToSeconds (null: still on when the load ended), in seconds of the run; Source is chaos or observed.</summary>
public sealed record FaultWindow(string Name, double FromSeconds, double? ToSeconds, string Source);

/// <summary>
/// The --chaos schedule as played; LeftOn names faults it could not turn off again, Failure what stopped it early:
/// either fails the run.
/// </summary>
public sealed record ChaosReport(
    double OnSeconds, double OffSeconds, IReadOnlyList<string> Faults, IReadOnlyList<ChaosWindowReport> Windows, IReadOnlyList<string> LeftOn, string? Failure = null)
{
    public bool Passed => LeftOn.Count == 0 && Failure is null;
}

/// <summary>
/// One window of whole seconds [FromSecond, ToSecond): a fault on (Fault null: everything off), when the switch
/// answered on and off, and the figures over the window's seconds: operations/s, requests, errors, outcomes and the
/// latency percentiles of the series (whole checkouts, or every request).
/// </summary>
public sealed record ChaosWindowReport(
    string? Fault,
    string? Kind,
    long FromSecond,
    long ToSecond,
    double? OnAtSeconds,
    double? OffAtSeconds,
    string? Problem,
    long Operations,
    double OperationsPerSecond,
    long Requests,
    long Errors,
    IReadOnlyDictionary<string, long> Outcomes,
    double? P50Ms,
    double? P99Ms,
    double? MaxMs);
