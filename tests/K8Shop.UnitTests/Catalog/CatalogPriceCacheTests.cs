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

    [Fact]
    public void A_miss_reads_its_sku_with_the_prices_in_use_past_half_their_lifetime_and_drops_expired_unused_ones()
    {
        var clock = new SteppedClock();
        var cache = new CatalogPriceCache(clock);
        cache.Set("OLD-USED", Book);
        cache.Set("OLD-UNUSED", Book);
        clock.Ticks += CatalogPriceCache.Ttl.Ticks * 6 / 10;
        cache.Set("FRESH-USED", Book);
        Assert.True(cache.TryGet("OLD-USED", out _));
        Assert.True(cache.TryGet("FRESH-USED", out _));

        // Past half its lifetime and used: read with the miss. Fresh: left alone. Unused: not refreshed.
        Assert.Equal(["MISS-1", "OLD-USED"], cache.DueWith("MISS-1"));

        clock.Ticks += CatalogPriceCache.Ttl.Ticks * 5 / 10;
        var due = cache.DueWith("miss-2");
        Assert.Equal("miss-2", due[0]);
        Assert.Equal(["FRESH-USED", "OLD-USED"], due.Skip(1).Order());
        // OLD-UNUSED expired without a lookup: forgotten rather than refreshed.
        Assert.False(cache.TryGet("OLD-UNUSED", out _));
        Assert.DoesNotContain("OLD-UNUSED", cache.DueWith("MISS-3"));
    }

    [Fact]
    public void One_read_is_remembered_whole_and_a_sku_it_did_not_find_has_no_product()
    {
        var cache = new CatalogPriceCache(new SteppedClock());

        cache.SetAll(["book-001", "NOPE-1"], [Book]);

        Assert.True(cache.TryGet("BOOK-001", out var found));
        Assert.Equal(Book, found);
        Assert.True(cache.TryGet("nope-1", out var unknown));
        Assert.Null(unknown);
    }
}
