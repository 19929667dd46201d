using System.Diagnostics;

namespace K8Shop.LoadGen.Running;

/// <summary>
/// Decides, for an operation due at a Stopwatch timestamp, whether it may start and whether it counts: operations
/// due during the warmup run but are left out of the figures; after it, the run ends at the measured duration or
/// after the measured number of operations.
/// </summary>
public sealed class RunClock
{
    private readonly long _measureEnd;
    private readonly long? _operations;
    private long _measuredStarted;

    public RunClock(long start, TimeSpan warmup, TimeSpan? duration, long? operations)
    {
        Start = start;
        MeasureStart = start + ToTicks(warmup);
        _measureEnd = duration is { } length ? MeasureStart + ToTicks(length) : long.MaxValue;
        _operations = operations;
    }

    public long Start { get; }

    public long MeasureStart { get; }

    public bool IsMeasuring(long timestamp) => timestamp >= MeasureStart;

    public bool TryBegin(long dueAt, out bool measured)
    {
        measured = dueAt >= MeasureStart;
        if (!measured)
            return true;
        return _operations is { } limit ? Interlocked.Increment(ref _measuredStarted) <= limit : dueAt < _measureEnd;
    }

    /// <summary>A TimeSpan in Stopwatch ticks, in integers so 0.3 s is exactly 0.3 s on every clock.</summary>
    public static long ToTicks(TimeSpan span) => (long)((Int128)span.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond);
}
