using System.Text.Json.Serialization;
using K8Shop.LoadGen.Invariants;
using K8Shop.LoadGen.Running;

namespace K8Shop.LoadGen.Reporting;

/// <summary>Everything a run found: the measured figures (warmup excluded) and the end-of-run checks (whole run).</summary>
public sealed record LoadReport(
    RunSettings Settings,
    Throughput Throughput,
    OutcomeCounts Outcomes,
    IReadOnlyList<LatencySummary> Latency,
    ErrorCounts Errors,
    ReconciliationSummary Reconciliation,
    IReadOnlyList<SkuInvariants> Invariants,
    CheckoutReport? Checkout = null,
    EventsReport? Events = null,
    SeriesReport? Series = null,
    FaultsReport? Faults = null)
{
    public bool Passed => Invariants.All(sku => sku.Passed) && (Checkout?.Passed ?? true) && (Events?.Passed ?? true) && (Faults?.Passed ?? true);
}

/// <summary>What was run; never a client secret. The last four are the checkout scenario's, null for the others.</summary>
public sealed record RunSettings(
    string Scenario,
    string Target,
    string Mode,
    string Url,
    int? Clients,
    double? Rate,
    int? MaxInFlight,
    double WarmupSeconds,
    double? DurationSeconds,
    long? Operations,
    int Seed,
    double ReleaseRatio,
    double CommitRatio,
    double RepeatRatio,
    int TtlSeconds,
    int? SetupStock,
    string? HotSku = null,
    int? OrderRetries = null,
    int? VerifySample = null,
    double? DeclineRatio = null);

/// <summary>
/// Rates over the measured window: from the end of the warmup to the completion of the last measured operation.
/// An operation is one fresh order (a reserve and, when granted, its release or commit); a request is one HTTP call.
/// WarmupOperations ran before the window and are in no other figure here (they are in the invariant checks).
/// </summary>
public sealed record Throughput(
    double WindowSeconds,
    long WarmupOperations,
    long Operations,
    long Requests,
    long GrantedReservations,
    double OperationsPerSecond,
    double RequestsPerSecond,
    double GrantedPerSecond);

/// <summary>Measured answers by kind; Dropped counts open-loop operations not started because --max-in-flight were busy.</summary>
public sealed record OutcomeCounts(
    long Granted,
    long GrantedUnits,
    long Rejected,
    long Released,
    long Committed,
    long NotReserved,
    long RepeatsConfirmed,
    long Dropped);

/// <summary>Exact nearest-rank percentiles over every measured sample of one request kind (or of whole checkouts), in milliseconds.</summary>
public sealed record LatencySummary(string Kind, long Count, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs);

/// <summary>Measured failed requests by kind; OtherStatuses breaks HttpOther down by status code.</summary>
public sealed record ErrorCounts(
    [property: JsonPropertyName("http_429")] long Http429,
    [property: JsonPropertyName("http_503")] long Http503,
    long HttpOther,
    long Timeouts,
    long ConnectionErrors,
    long InvalidReplies,
    IReadOnlyDictionary<string, long> OtherStatuses)
{
    public long Total => Http429 + Http503 + HttpOther + Timeouts + ConnectionErrors + InvalidReplies;
}
