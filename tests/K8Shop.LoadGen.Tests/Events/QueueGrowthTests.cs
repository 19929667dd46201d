using K8Shop.LoadGen.Events;

namespace K8Shop.LoadGen.Tests.Events;

public sealed class QueueGrowthTests
{
    [Fact]
    public void ABacklogHigherAtTheEndThanTwentySecondsIn_IsGrowing()
    {
        var trends = QueueGrowth.Trends(Samples(("q", [0, 10, 50, 100, 200, 400])));

        var trend = Assert.Single(trends);
        Assert.True(trend.Growing);
        Assert.Equal((200L, 400L, 400L), (trend.ReadyAtReference!.Value, trend.LastReady, trend.MaxReady));
        Assert.Equal(40, trend.ReadyGrowthPerSecond, precision: 6);
        Assert.Equal([0L, 10, 50, 100, 200, 400], trend.ReadySeries);
    }

    [Fact]
    public void ABacklogThatPeakedAndCameDown_IsNotGrowing_ButKeepsItsMaximum()
    {
        var trend = Assert.Single(QueueGrowth.Trends(Samples(("q", [0, 300, 900, 40, 20, 0]))));

        Assert.False(trend.Growing);
        Assert.Equal((900L, 0L), (trend.MaxReady, trend.LastReady));
    }

    [Fact]
    public void UnacknowledgedMessages_AreNotBacklog()
    {
        var samples = Enumerable.Range(0, 6)
            .Select(i => new QueueSample(TimeSpan.FromSeconds(5 * i), [new QueueDepth("q", 0, i * 100)]))
            .ToList();

        var trend = Assert.Single(QueueGrowth.Trends(samples));

        Assert.False(trend.Growing);
        Assert.Equal((500L, 500L), (trend.MaxMessages, trend.LastMessages));
    }

    [Fact]
    public void AQueueThatAppearedAfterTheReference_ComparesWithNothingWaiting()
    {
        var samples = Samples(("steady", [1, 1, 1, 1, 1, 1]));
        samples[5] = samples[5] with { Queues = [.. samples[5].Queues, new QueueDepth("late", 3, 0)] };

        var late = QueueGrowth.Trends(samples).Single(trend => trend.Name == "late");

        Assert.True(late.Growing);
        Assert.Null(late.ReadyAtReference);
    }

    [Fact]
    public void ARunShorterThanTheReference_ComparesWithItsFirstSample()
    {
        var samples = new List<QueueSample>
        {
            new(TimeSpan.Zero, [new QueueDepth("q", 5, 0)]),
            new(TimeSpan.FromSeconds(5), [new QueueDepth("q", 5, 0)]),
        };

        var trend = Assert.Single(QueueGrowth.Trends(samples));

        Assert.False(trend.Growing);
        Assert.Equal(5, trend.ReadyAtReference);
    }

    [Fact]
    public void NoSamples_NoTrends() => Assert.Empty(QueueGrowth.Trends([]));

    /// <summary>Samples every 5 s from 0 s: the reference (20 s) is the fifth.</summary>
    private static List<QueueSample> Samples((string Name, long[] Ready) queue) =>
        [.. queue.Ready.Select((ready, i) => new QueueSample(TimeSpan.FromSeconds(5 * i), [new QueueDepth(queue.Name, ready, 0)]))];
}
