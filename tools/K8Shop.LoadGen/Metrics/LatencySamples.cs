namespace K8Shop.LoadGen.Metrics;

/// <summary>Every latency of one request kind, in Stopwatch ticks, kept whole so the final percentiles are exact.</summary>
public sealed class LatencySamples
{
    private readonly Lock _gate = new();
    private readonly List<long> _ticks = [];

    public void Add(long ticks)
    {
        lock (_gate)
            _ticks.Add(ticks);
    }

    public long[] SortedSnapshot()
    {
        long[] copy;
        lock (_gate)
            copy = [.. _ticks];
        Array.Sort(copy);
        return copy;
    }
}
