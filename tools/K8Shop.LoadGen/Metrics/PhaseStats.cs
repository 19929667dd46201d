using System.Collections.Concurrent;
using System.Diagnostics;
using K8Shop.LoadGen.Inventory;

namespace K8Shop.LoadGen.Metrics;

/// <summary>
/// What one phase (warmup or measured) saw, written by every in-flight operation at once, and passed on to the run's
/// time series when it has one (<paramref name="checkoutLatency"/>: the series charts whole checkouts, not requests).
/// </summary>
public sealed class PhaseStats(TimeSeriesRecorder? series = null, bool checkoutLatency = false)
{
    private readonly LatencyRecorder[] _latencies = [.. Enum.GetValues<RequestKind>().Select(_ => new LatencyRecorder())];
    private readonly long[] _requests = new long[Enum.GetValues<RequestKind>().Length];
    private readonly long[] _outcomes = new long[Enum.GetValues<Outcome>().Length];
    private readonly long[] _errors = new long[Enum.GetValues<ErrorKind>().Length];
    private readonly ConcurrentDictionary<int, long> _otherStatuses = new();
    private long _operations;
    private long _grantedUnits;
    private long _dropped;
    private long _lastCompletion;

    /// <summary>Every request's latency in coarse buckets, for the live line's p99.</summary>
    public LatencyHistogram Live { get; } = new();

    /// <summary>Every whole checkout's latency in coarse buckets, for the checkout scenario's live line.</summary>
    public LatencyHistogram LiveCheckouts { get; } = new();

    public long Operations => Interlocked.Read(ref _operations);
    public long GrantedUnits => Interlocked.Read(ref _grantedUnits);
    public long Dropped => Interlocked.Read(ref _dropped);
    public long LastCompletion => Interlocked.Read(ref _lastCompletion);
    public long Requests => _requests.Sum();
    public long ErrorTotal => _errors.Sum();

    public long RequestsOf(RequestKind kind) => Interlocked.Read(ref _requests[(int)kind]);
    public long Count(Outcome outcome) => Interlocked.Read(ref _outcomes[(int)outcome]);
    public long Errors(ErrorKind kind) => Interlocked.Read(ref _errors[(int)kind]);
    public IReadOnlyDictionary<int, long> OtherStatuses => _otherStatuses;
    public LatencyRecorder Latency(RequestKind kind) => _latencies[(int)kind];

    public void Request(RequestKind kind, long sentAt, long answeredAt)
    {
        var microseconds = LatencyRecorder.ToMicroseconds(answeredAt - sentAt);
        Interlocked.Increment(ref _requests[(int)kind]);
        _latencies[(int)kind].RecordMicroseconds(microseconds);
        Live.Record(microseconds);
        series?.Request(answeredAt);
        if (!checkoutLatency)
            series?.Latency(answeredAt, microseconds);
    }

    /// <summary>A whole checkout, due time to its order's answer: its latency is kept, but it is not a request.</summary>
    public void CheckoutAnswered(long dueAt, long answeredAt)
    {
        var microseconds = LatencyRecorder.ToMicroseconds(answeredAt - dueAt);
        _latencies[(int)RequestKind.Checkout].RecordMicroseconds(microseconds);
        LiveCheckouts.Record(microseconds);
        if (checkoutLatency)
            series?.Latency(answeredAt, microseconds);
    }

    public void Add(Outcome outcome)
    {
        Interlocked.Increment(ref _outcomes[(int)outcome]);
        series?.Outcome(Stopwatch.GetTimestamp(), outcome);
    }

    public void Granted(int quantity)
    {
        Add(Outcome.Granted);
        Interlocked.Add(ref _grantedUnits, quantity);
    }

    public void Failed(CallFailure failure)
    {
        Interlocked.Increment(ref _errors[(int)failure.Kind]);
        series?.Error(Stopwatch.GetTimestamp(), failure.Kind);
        if (failure is { Kind: ErrorKind.HttpOther, StatusCode: { } status })
            _otherStatuses.AddOrUpdate(status, 1, (_, count) => count + 1);
    }

    public void Drop() => Interlocked.Increment(ref _dropped);

    public void OperationCompleted(long at)
    {
        Interlocked.Increment(ref _operations);
        series?.Operation(at);
        var last = Interlocked.Read(ref _lastCompletion);
        while (at > last)
        {
            var seen = Interlocked.CompareExchange(ref _lastCompletion, at, last);
            if (seen == last)
                break;
            last = seen;
        }
    }
}
