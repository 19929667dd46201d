using K8Shop.Contracts.Recommendations;
using K8Shop.Grains.Recommendations;

namespace K8Shop.UnitTests.Recommendations;

/// <summary>"Popular now": confirmed sales per day inside the window, moved along by a fake clock.</summary>
public sealed class WindowedSalesTests
{
    private const int Week = 7;
    private readonly FakeTimeProvider _clock = new(TestData.Epoch);
    private readonly PopularityState _state = new();

    private bool Apply(string messageId, string orderId, bool returned, string sku, int qty, DateTimeOffset occurredAt = default) =>
        SalesTally.Apply(_state, new SalesRecord(messageId, orderId, returned, [new SaleLine(sku, qty)], occurredAt), 100, _clock.GetUtcNow(), Week);

    private RecentSales Recent() => SalesTally.Recent(_state, _clock.GetUtcNow(), Week);

    private long RecentUnits(string sku) => Recent().Skus.FirstOrDefault(s => s.Sku == sku)?.Units ?? 0;

    [Fact]
    public void Recent_SalesAgeOutOfTheWindowDayByDay_WhileAllTimeKeepsThem()
    {
        Apply("m1", "o1", false, "BOOK-1", 2);
        _clock.Advance(TimeSpan.FromDays(3));
        Apply("m2", "o2", false, "BOOK-1", 5);
        Assert.Equal((7L, 2), (RecentUnits("BOOK-1"), Recent().Orders));

        // Day 0's sale is in the window through day 6 and gone on day 7.
        _clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal((7L, 2), (RecentUnits("BOOK-1"), Recent().Orders));
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal((5L, 1), (RecentUnits("BOOK-1"), Recent().Orders));
        _clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal((0L, 0), (RecentUnits("BOOK-1"), Recent().Orders));
        Assert.Equal(7, _state.Units["BOOK-1"]);
        Assert.Equal(Week, Recent().Days);
    }

    [Fact]
    public void Apply_OldDayBucketsAreDropped_SoTheStateStaysWithinTheWindow()
    {
        for (var day = 0; day < 30; day++)
        {
            Apply($"m{day}", $"o{day}", false, "BOOK-1", 1);
            _clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.InRange(_state.Days.Count, 1, Week);
        Assert.Equal(30, _state.Units["BOOK-1"]);
    }

    [Fact]
    public void Apply_Cancellation_TakesBackFromTheDayTheOrderWasConfirmed()
    {
        Apply("m1", "o1", false, "BOOK-1", 4);
        _clock.Advance(TimeSpan.FromDays(2));
        Apply("m2", "o2", false, "BOOK-1", 1);
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.True(Apply("m3", "o1", true, "BOOK-1", 4));

        Assert.Equal((1L, 1), (RecentUnits("BOOK-1"), Recent().Orders));
        Assert.Equal(1, _state.Units["BOOK-1"]);
        // o2's day (day 2) leaves the window on day 9.
        _clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal((1L, 1), (RecentUnits("BOOK-1"), Recent().Orders));
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal((0L, 0), (RecentUnits("BOOK-1"), Recent().Orders));
    }

    [Fact]
    public void Apply_CancellationOfAnOrderConfirmedBeforeTheWindow_ChangesOnlyAllTime()
    {
        Apply("m1", "o1", false, "BOOK-1", 3);
        _clock.Advance(TimeSpan.FromDays(10));
        Apply("m2", "o2", false, "BOOK-1", 2);

        Assert.True(Apply("m3", "o1", true, "BOOK-1", 3));

        Assert.Equal((2L, 1), (RecentUnits("BOOK-1"), Recent().Orders));
        Assert.Equal(2, _state.Units["BOOK-1"]);
    }

    [Fact]
    public void Apply_RedeliveredConfirmationAndCancellation_CountOnceInTheWindow()
    {
        Assert.True(Apply("m1", "o1", false, "BOOK-1", 2));
        Assert.False(Apply("m1", "o1", false, "BOOK-1", 2));
        Assert.True(Apply("m2", "o2", false, "BOOK-1", 3));
        Assert.True(Apply("m3", "o2", true, "BOOK-1", 3));
        Assert.False(Apply("m3", "o2", true, "BOOK-1", 3));

        Assert.Equal((2L, 1), (RecentUnits("BOOK-1"), Recent().Orders));
    }

    [Fact]
    public void Apply_EventThatHappenedBeforeTheWindow_CountsAllTimeOnly()
    {
        Apply("m1", "o1", false, "BOOK-1", 2, occurredAt: _clock.GetUtcNow().AddDays(-9));
        Apply("m2", "o2", false, "BOOK-2", 1, occurredAt: _clock.GetUtcNow().AddDays(-2));

        Assert.Equal([new SkuSales("BOOK-2", 1)], Recent().Skus.ToArray());
        Assert.Equal(2, _state.Units["BOOK-1"]);
        // Two days ago is in the window until five more days pass.
        _clock.Advance(TimeSpan.FromDays(5));
        Assert.Empty(Recent().Skus);
    }

    [Fact]
    public void Apply_StateStoredBeforeTheWindow_KeepsAllTimeAndStartsTheWindowEmpty()
    {
        var old = new PopularityState
        {
            Units = new() { ["BOOK-1"] = 5 },
            Applied = [AppliedKey.Of("m1", "o1", false)],
        };

        Assert.Empty(SalesTally.Recent(old, _clock.GetUtcNow(), Week).Skus);
        Assert.True(SalesTally.Apply(old, new SalesRecord("m2", "o1", true, [new SaleLine("BOOK-1", 5)]), 100, _clock.GetUtcNow(), Week));
        Assert.False(old.Units.ContainsKey("BOOK-1"));
        Assert.Empty(old.Days);
    }

    [Fact]
    public void Recent_RanksMostUnitsFirstAcrossDays()
    {
        Apply("m1", "o1", false, "BOOK-1", 2);
        _clock.Advance(TimeSpan.FromDays(1));
        Apply("m2", "o2", false, "BOOK-2", 3);
        Apply("m3", "o3", false, "BOOK-1", 2);

        Assert.Equal([new SkuSales("BOOK-1", 4), new SkuSales("BOOK-2", 3)], Recent().Skus.ToArray());
        Assert.Equal(3, Recent().Orders);
    }
}
