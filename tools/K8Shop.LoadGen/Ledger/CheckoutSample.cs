namespace K8Shop.LoadGen.Ledger;

/// <summary>
/// A uniform sample of at most <c>capacity</c> settled orders out of however many the run settles (reservoir
/// sampling, Algorithm R), so verifying them after the load costs the same for a minute's run as for an hour's.
/// </summary>
public sealed class CheckoutSample(int capacity, int seed)
{
    private readonly Lock _gate = new();
    private readonly List<CheckoutEntry> _entries = [];
    private readonly Random _random = new(seed);
    private long _offered;

    public int Capacity { get; } = capacity;

    public long Offered
    {
        get
        {
            lock (_gate)
                return _offered;
        }
    }

    public void Offer(CheckoutEntry entry)
    {
        if (Capacity == 0)
            return;
        lock (_gate)
        {
            _offered++;
            if (_entries.Count < Capacity)
            {
                _entries.Add(entry);
                return;
            }
            var slot = _random.NextInt64(_offered);
            if (slot < Capacity)
                _entries[(int)slot] = entry;
        }
    }

    public IReadOnlyList<CheckoutEntry> Snapshot()
    {
        lock (_gate)
            return [.. _entries];
    }
}
