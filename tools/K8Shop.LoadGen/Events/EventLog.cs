namespace K8Shop.LoadGen.Events;

/// <summary>
/// Every event the watcher received, kept whole (a few per checkout) so the report's figures are exact. Events of
/// other shoppers (another run, another client of the same broker) are only counted: a run's shoppers' ids start
/// with its own prefix.
/// </summary>
public sealed class EventLog(string shopperPrefix)
{
    private readonly Lock _gate = new();
    private readonly List<ObservedEvent> _events = [];
    private long _foreign;
    private long _unreadable;
    private long _lastReceiptTicks;

    public string ShopperPrefix { get; } = shopperPrefix;

    public long Foreign => Interlocked.Read(ref _foreign);

    public long Unreadable => Interlocked.Read(ref _unreadable);

    /// <summary>When the latest delivery of any kind arrived (UTC ticks), so a drain can tell when events stopped coming.</summary>
    public DateTimeOffset LastReceipt => new(Interlocked.Read(ref _lastReceiptTicks), TimeSpan.Zero);

    public int Count
    {
        get
        {
            lock (_gate)
                return _events.Count;
        }
    }

    public void Add(ObservedEvent? observed, DateTimeOffset receivedAt)
    {
        Interlocked.Exchange(ref _lastReceiptTicks, receivedAt.UtcTicks);
        if (observed is null)
            Interlocked.Increment(ref _unreadable);
        else if (observed.UserId is not { } user || !user.StartsWith(ShopperPrefix, StringComparison.Ordinal))
            Interlocked.Increment(ref _foreign);
        else
            lock (_gate)
                _events.Add(observed);
    }

    public ObservedEvent[] Snapshot()
    {
        lock (_gate)
            return [.. _events];
    }
}
