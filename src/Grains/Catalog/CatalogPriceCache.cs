using System.Collections.Concurrent;
using K8Shop.Contracts.Catalog;

namespace K8Shop.Grains.Catalog;

/// <summary>
/// Prices recently read from the store, per silo: carts and orders price every line, and without this each line
/// would be a database read. A silo forgets a SKU at once when it writes that product itself; a change made
/// through another silo reaches this one within <see cref="Ttl"/>.
/// </summary>
public sealed class CatalogPriceCache(TimeProvider clock)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);

    /// <summary>The <c>cache</c> tag of its lookups in <c>k8shop.cache.lookups</c>.</summary>
    public const string MetricName = "catalog_price";

    private readonly ConcurrentDictionary<string, (ProductPrice? Price, long ExpiresAt)> _prices = new(StringComparer.OrdinalIgnoreCase);

    public bool TryGet(string sku, out ProductPrice? price)
    {
        if (_prices.TryGetValue(sku, out var entry) && clock.GetTimestamp() < entry.ExpiresAt)
        {
            price = entry.Price;
            Caching.CacheMetrics.Lookup(MetricName, hit: true);
            return true;
        }
        price = null;
        Caching.CacheMetrics.Lookup(MetricName, hit: false);
        return false;
    }

    /// <summary>Remembers a price, or that no product has the SKU (null).</summary>
    public void Set(string sku, ProductPrice? price) =>
        _prices[sku] = (price, clock.GetTimestamp() + (long)(Ttl.TotalSeconds * clock.TimestampFrequency));

    public void Forget(string sku) => _prices.TryRemove(sku, out _);

    public void Clear() => _prices.Clear();
}
