namespace K8Shop.Grains.Recommendations;

/// <summary>
/// One value per silo, reused for a time: every recommendation needs the whole catalog and the sales ranking, and
/// reading them for each request would cost ~160 grain calls. Concurrent callers of an expired value share one load;
/// a failed load is not kept.
/// </summary>
/// <param name="name">The <c>cache</c> tag of its lookups in <c>k8shop.cache.lookups</c>.</param>
public sealed class TimedCache<T>(string name, TimeProvider clock) where T : class
{
    private readonly Lock _gate = new();
    private T? _value;
    private long _expiresAt;
    private Task<T>? _loading;

    public async Task<T> GetAsync(TimeSpan ttl, Func<Task<T>> load)
    {
        Task<T> loading;
        lock (_gate)
        {
            if (_value is not null && clock.GetTimestamp() < _expiresAt)
            {
                Caching.CacheMetrics.Lookup(name, hit: true);
                return _value;
            }
            Caching.CacheMetrics.Lookup(name, hit: false);
            if (_loading is null || _loading.IsCompleted)
                _loading = LoadAsync(ttl, load);
            loading = _loading;
        }
        return await loading;
    }

    private async Task<T> LoadAsync(TimeSpan ttl, Func<Task<T>> load)
    {
        var value = await load();
        lock (_gate)
        {
            _value = value;
            _expiresAt = clock.GetTimestamp() + (long)(ttl.TotalSeconds * clock.TimestampFrequency);
        }
        return value;
    }
}
