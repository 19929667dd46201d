using System.Diagnostics;
using HdrHistogram;

namespace K8Shop.LoadGen.Metrics;

/// <summary>
/// Every latency of one request kind, in microseconds, in an HdrHistogram: a fixed 190 KB however many samples, three
/// significant digits (exact below 2 ms, then within 0.1%). Recording takes no lock: the concurrent histogram counts
/// with interlocked increments, so every in-flight operation records at once.
/// </summary>
public sealed class LatencyRecorder
{
    /// <summary>One hour: anything slower is recorded as one hour (requests time out long before).</summary>
    public const long HighestMicroseconds = 3_600_000_000;

    public const int SignificantDigits = 3;

    private readonly LongConcurrentHistogram _histogram = NewHistogram(SignificantDigits);

    public long Count => _histogram.TotalCount;

    public void RecordTicks(long ticks) => RecordMicroseconds(ToMicroseconds(ticks));

    public void RecordMicroseconds(long microseconds) => _histogram.RecordValue(Math.Clamp(microseconds, 0, HighestMicroseconds));

    /// <summary>A copy to read percentiles from once recording is over (or while it goes on, a moment's view).</summary>
    public HistogramBase Snapshot() => _histogram.Copy();

    public static LongConcurrentHistogram NewHistogram(int significantDigits) => new(1, HighestMicroseconds, significantDigits);

    public static long ToMicroseconds(long ticks) => ticks * 1_000_000 / Stopwatch.Frequency;
}
