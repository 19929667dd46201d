using System.Diagnostics.Metrics;

namespace K8Shop.Grains.Caching;

/// <summary>Meter <c>K8Shop.Caches</c>: lookups of the per-silo caches by cache and result (hit, miss).</summary>
public static class CacheMetrics
{
    public const string Name = "K8Shop.Caches";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>(
        "k8shop.cache.lookups", "{lookup}", "Cache lookups by cache and result: hit, miss");

    public static void Lookup(string cache, bool hit)
    {
        if (Lookups.Enabled)
            Lookups.Add(1, new KeyValuePair<string, object?>("cache", cache), new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));
    }
}
