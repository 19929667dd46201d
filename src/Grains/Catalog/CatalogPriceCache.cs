using System.Collections.Concurrent;
using K8Shop.Contracts.Catalog;

namespace K8Shop.Grains.Catalog;

/// <summary>
/// Prices recently read from the store, per silo: carts and orders price every line, and without this each line
/// would be a database read. A silo forgets a SKU at once when it writes that product itself; a change made
/// through another silo reaches this one within <see cref="Ttl"/>.
/// </summary>
/// <remarks>
/// A miss reads its SKU together with every price in use that is past half its lifetime (<see cref="DueWith"/>), so
/// the prices a silo keeps needing are refreshed a batch at a time: a few reads per <see cref="Ttl"/> however many
/// SKUs are in carts, instead of one read per SKU. A price nobody read since it was stored is dropped, not refreshed.
/// </remarks>
public sealed class CatalogPriceCache(TimeProvider clock)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);

    /// <summary>Most SKUs one read refreshes.</summary>
    public const int RefreshBatch = 500;

    /// <summary>The <c>cache</c> tag of its lookups in <c>k8shop.cache.lookups</c>.</summary>
    public const string MetricName = "catalog_price";

    private sealed class Entry(ProductPrice? price, long expiresAt)
    {
        public ProductPrice? Price { get; } = price;

        public long ExpiresAt { get; } = expiresAt;

        /// <summary>Whether a lookup used it since it was stored: only prices in use are refreshed.</summary>
        public bool Used { get; set; }
    }

    private readonly ConcurrentDictionary<string, Entry> _prices = new(StringComparer.OrdinalIgnoreCase);

    private long Lifetime => (long)(Ttl.TotalSeconds * clock.TimestampFrequency);

    public bool TryGet(string sku, out ProductPrice? price)
    {
        if (_prices.TryGetValue(sku, out var entry) && clock.GetTimestamp() < entry.ExpiresAt)
        {
            entry.Used = true;
            price = entry.Price;
            Caching.CacheMetrics.Lookup(MetricName, hit: true);
            return true;
        }
        price = null;
        Caching.CacheMetrics.Lookup(MetricName, hit: false);
        return false;
    }

    /// <summary>
    /// The SKUs to read with a miss on <paramref name="sku"/>: it first, then each price in use that is past half its
    /// lifetime, at most <see cref="RefreshBatch"/> in all. Expired prices nobody used are forgotten on the way.
    /// </summary>
    public IReadOnlyList<string> DueWith(string sku)
    {
        var now = clock.GetTimestamp();
        var refreshFrom = now + Lifetime / 2;
        var due = new List<string> { sku };
        foreach (var (key, entry) in _prices)
        {
            if (entry.ExpiresAt > refreshFrom)
                continue;
            if (entry.Used && due.Count < RefreshBatch)
            {
                if (!string.Equals(key, sku, StringComparison.OrdinalIgnoreCase))
                    due.Add(key);
            }
            else if (entry.ExpiresAt <= now && !entry.Used)
            {
                _prices.TryRemove(KeyValuePair.Create(key, entry));
            }
        }
        return due;
    }

    /// <summary>Remembers a price, or that no product has the SKU (null).</summary>
    public void Set(string sku, ProductPrice? price) => _prices[sku] = new Entry(price, clock.GetTimestamp() + Lifetime);

    /// <summary>Remembers what one read of <paramref name="skus"/> found: a SKU without a price has no product.</summary>
    public void SetAll(IReadOnlyList<string> skus, IReadOnlyList<ProductPrice> found)
    {
        var bySku = found.ToDictionary(p => p.Sku, StringComparer.OrdinalIgnoreCase);
        foreach (var sku in skus)
            Set(sku, bySku.GetValueOrDefault(sku));
    }

    public void Forget(string sku) => _prices.TryRemove(sku, out _);

    public void Clear() => _prices.Clear();
}
