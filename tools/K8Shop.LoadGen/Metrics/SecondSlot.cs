using HdrHistogram;
using K8Shop.LoadGen.Inventory;

namespace K8Shop.LoadGen.Metrics;

/// <summary>
/// One second of the run while it is open: counters and a small latency histogram that every in-flight operation
/// writes at once, without a lock. Closing it is a two-flag handshake instead: a writer announces itself
/// (<see cref="TryEnter"/>), then checks the slot is still open; the closer marks it closed, then waits for the
/// writers already inside. Both steps are full fences, so either the writer sees "closed" and backs out (counted as
/// late) or the closer sees the writer and waits for it: no sample is half in.
/// </summary>
public sealed class SecondSlot(long second)
{
    /// <summary>Two digits (1%) per second: 24 KB a second, enough to tell a p99 of 40 ms from one of 400.</summary>
    public const int SignificantDigits = 2;

    private readonly long[] _errors = new long[Enum.GetValues<ErrorKind>().Length];
    private readonly long[] _outcomes = new long[Enum.GetValues<Outcome>().Length];
    private int _writers;
    private int _closed;
    private long _operations;
    private long _requests;

    public long Second { get; } = second;

    public LongConcurrentHistogram Latency { get; } = LatencyRecorder.NewHistogram(SignificantDigits);

    public long Operations => Interlocked.Read(ref _operations);
    public long Requests => Interlocked.Read(ref _requests);
    public long Errors(ErrorKind kind) => Interlocked.Read(ref _errors[(int)kind]);
    public long Outcomes(Outcome outcome) => Interlocked.Read(ref _outcomes[(int)outcome]);

    public bool TryEnter()
    {
        Interlocked.Increment(ref _writers);
        if (Volatile.Read(ref _closed) == 0)
            return true;
        Interlocked.Decrement(ref _writers);
        return false;
    }

    public void Exit() => Interlocked.Decrement(ref _writers);

    public void AddOperation() => Interlocked.Increment(ref _operations);
    public void AddRequest() => Interlocked.Increment(ref _requests);
    public void AddError(ErrorKind kind) => Interlocked.Increment(ref _errors[(int)kind]);
    public void AddOutcome(Outcome outcome) => Interlocked.Increment(ref _outcomes[(int)outcome]);

    /// <summary>No writer gets in after this returns, and every one that was in has left.</summary>
    public void Close()
    {
        Interlocked.Exchange(ref _closed, 1);
        var spin = new SpinWait();
        while (Volatile.Read(ref _writers) != 0)
            spin.SpinOnce();
    }
}
