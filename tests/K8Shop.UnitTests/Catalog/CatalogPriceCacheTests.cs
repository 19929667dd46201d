using K8Shop.Contracts.Catalog;
using K8Shop.Grains.Catalog;

namespace K8Shop.UnitTests.Catalog;

public sealed class CatalogPriceCacheTests
{
    /// <summary>A clock whose monotonic timestamp the test moves.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        public long Ticks { get; set; } = 1_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Ticks;
    }

    private static readonly ProductPrice Book = new("BOOK-001", "The Pragmatic Programmer", 44.95m);

    [Fact]
    public void A_price_is_served_from_memory_until_its_time_to_live_ends_whatever_the_case_of_the_sku()
    {
        var clock = new SteppedClock();
        var cache = new CatalogPriceCache(clock);
        cache.Set("BOOK-001", Book);

        Assert.True(cache.TryGet("book-001", out var hit));
        Assert.Equal(Book, hit);
        clock.Ticks += CatalogPriceCache.Ttl.Ticks;
        Assert.False(cache.TryGet("BOOK-001", out _));
    }

    [Fact]
    public void An_unknown_sku_is_remembered_as_unknown_and_forgetting_drops_either()
    {
        var cache = new CatalogPriceCache(new SteppedClock());
        cache.Set("NOPE-1", null);
        cache.Set("BOOK-001", Book);

        Assert.True(cache.TryGet("NOPE-1", out var unknown));
        Assert.Null(unknown);
        cache.Forget("nope-1");
        cache.Clear();
        Assert.False(cache.TryGet("NOPE-1", out _));
        Assert.False(cache.TryGet("BOOK-001", out _));
    }
}
