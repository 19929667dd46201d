using K8Shop.LoadGen.Inventory;

namespace K8Shop.LoadGen.Metrics;

/// <summary>
/// One closed second of the run (second 0 starts with the load): operations completed, requests answered (errors
/// included), failed requests by kind, business answers by outcome (only those that occurred), and the latency
/// percentiles of what was answered in it (null when nothing was).
/// </summary>
public sealed record SecondFigures(
    long Second, long Operations, long Requests, IReadOnlyDictionary<ErrorKind, long> Errors, IReadOnlyDictionary<Outcome, long> Outcomes,
    long Latencies, double? P50Ms, double? P99Ms, double? MaxMs)
{
    public long ErrorTotal => Errors.Values.Sum();
}
