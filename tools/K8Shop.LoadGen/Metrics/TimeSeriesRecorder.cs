using System.Diagnostics;
using HdrHistogram;
using K8Shop.LoadGen.Inventory;

namespace K8Shop.LoadGen.Metrics;

/// <summary>
/// The run second by second, by when each thing happened (a request's answer, an operation's end). Writers find the
/// open second in a ring of <see cref="RingSize"/> slots; <see cref="CloseUpTo"/> (about 4 times a second, from the
/// progress loop) closes each second <see cref="OpenSeconds"/> after it ended, turns it into a <see cref="SecondFigures"/>
/// row, adds its histogram to the windows that span it, and opens the slot for a later second. Memory is the ring plus
/// one small row per second, however many samples. A sample for a second already closed (its thread stalled for
/// seconds between timing and recording) is counted in <see cref="LateSamples"/>, not silently put in the wrong second.
/// </summary>
public sealed class TimeSeriesRecorder
{
    public const int RingSize = 16;
    public const int OpenSeconds = 3;

    private readonly SecondSlot?[] _ring = new SecondSlot?[RingSize];
    private readonly List<SecondFigures> _closed = [];
    private readonly List<SeriesWindow> _windows = [];
    private readonly Lock _closing = new();
    private readonly long _start;
    private readonly long _frequency;
    private long _nextToClose;
    private long _late;

    public TimeSeriesRecorder(long start, long? frequency = null)
    {
        _start = start;
        _frequency = frequency ?? Stopwatch.Frequency;
        for (var second = 0; second < RingSize; second++)
            _ring[second] = new SecondSlot(second);
    }

    public long LateSamples => Interlocked.Read(ref _late);

    public long SecondOf(long timestamp) => timestamp < _start ? -1 : (timestamp - _start) / _frequency;

    public void Latency(long at, long microseconds)
    {
        if (Enter(at) is not { } slot)
            return;
        slot.Latency.RecordValue(Math.Clamp(microseconds, 0, LatencyRecorder.HighestMicroseconds));
        slot.Exit();
    }

    public void Request(long at)
    {
        if (Enter(at) is not { } slot)
            return;
        slot.AddRequest();
        slot.Exit();
    }

    public void Error(long at, ErrorKind kind)
    {
        if (Enter(at) is not { } slot)
            return;
        slot.AddError(kind);
        slot.Exit();
    }

    public void Outcome(long at, Outcome outcome)
    {
        if (Enter(at) is not { } slot)
            return;
        slot.AddOutcome(outcome);
        slot.Exit();
    }

    public void Operation(long at)
    {
        if (Enter(at) is not { } slot)
            return;
        slot.AddOperation();
        slot.Exit();
    }

    /// <summary>
    /// Seconds [<paramref name="fromSecond"/>, <paramref name="toSecond"/>) get one histogram too, for a window's
    /// percentiles. Seconds already closed (a window tracked late) count in its counters, not in its latency.
    /// </summary>
    public SeriesWindow Track(long fromSecond, long toSecond)
    {
        var window = new SeriesWindow(fromSecond, toSecond);
        lock (_closing)
        {
            foreach (var row in _closed.Where(row => window.Spans(row.Second)))
                window.AddCounts(row);
            _windows.Add(window);
        }
        return window;
    }

    /// <summary>Closes every second that ended at least <see cref="OpenSeconds"/> before <paramref name="now"/>.</summary>
    public void CloseUpTo(long now) => CloseBefore(SecondOf(now) - OpenSeconds + 1);

    /// <summary>Closes seconds as they age until <paramref name="stop"/>; four times a second, well ahead of the ring wrapping.</summary>
    public async Task CloseAsTimeGoesAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                CloseUpTo(Stopwatch.GetTimestamp());
        }
        catch (OperationCanceledException)
        {
            // The load is over; Finish closes the rest.
        }
    }

    /// <summary>After the load: closes every second up to the one holding <paramref name="end"/>, and returns them all.</summary>
    public IReadOnlyList<SecondFigures> Finish(long end)
    {
        CloseBefore(SecondOf(end) + 1);
        lock (_closing)
            return [.. _closed];
    }

    private SecondSlot? Enter(long at)
    {
        var second = SecondOf(at);
        if (second < 0)
            return null;
        var slot = Volatile.Read(ref _ring[second % RingSize]);
        if (slot is not null && slot.Second == second && slot.TryEnter())
            return slot;
        Interlocked.Increment(ref _late);
        return null;
    }

    private void CloseBefore(long endSecond)
    {
        lock (_closing)
        {
            for (; _nextToClose < endSecond; _nextToClose++)
            {
                var second = _nextToClose;
                var index = (int)(second % RingSize);
                var slot = _ring[index]!;
                slot.Close();
                var row = Figures(slot);
                _closed.Add(row);
                foreach (var window in _windows.Where(window => window.Spans(second)))
                {
                    window.AddCounts(row);
                    window.Latency.Add(slot.Latency);
                }
                Volatile.Write(ref _ring[index], new SecondSlot(second + RingSize));
            }
        }
    }

    private static SecondFigures Figures(SecondSlot slot)
    {
        var errors = Enum.GetValues<ErrorKind>().ToDictionary(kind => kind, slot.Errors);
        var outcomes = Enum.GetValues<Outcome>().Where(outcome => slot.Outcomes(outcome) > 0).ToDictionary(outcome => outcome, slot.Outcomes);
        HistogramBase latency = slot.Latency;
        var count = latency.TotalCount;
        return count == 0
            ? new SecondFigures(slot.Second, slot.Operations, slot.Requests, errors, outcomes, 0, null, null, null)
            : new SecondFigures(slot.Second, slot.Operations, slot.Requests, errors, outcomes, count,
                Milliseconds(HistogramPercentiles.NearestRank(latency, 50m)), Milliseconds(HistogramPercentiles.NearestRank(latency, 99m)),
                Milliseconds(HistogramPercentiles.NearestRank(latency, 100m)));
    }

    private static double Milliseconds(long microseconds) => microseconds / 1000.0;
}
