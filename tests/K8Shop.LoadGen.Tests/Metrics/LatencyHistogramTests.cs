using K8Shop.LoadGen.Metrics;

namespace K8Shop.LoadGen.Tests.Metrics;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_AreWithinOneThirtySecondOfTheExactNearestRank()
    {
        var histogram = new LatencyHistogram();
        var random = new Random(3);
        var samples = Enumerable.Range(0, 20_000).Select(_ => (long)random.Next(50, 250_000)).ToArray();
        foreach (var sample in samples)
            histogram.Record(sample);
        Array.Sort(samples);

        foreach (var percentile in new[] { 50m, 90m, 99m, 99.9m })
        {
            var exact = Percentiles.NearestRank(samples, percentile);
            var approximate = histogram.ValueAtPercentile((double)percentile);
            Assert.InRange(approximate, exact, exact + (exact / 32) + 1);
        }
    }

    [Fact]
    public void SmallValues_AreExact_AndEveryBucketHoldsWhatItsBoundsSay()
    {
        Assert.Equal(17, LatencyHistogram.HighestIn(LatencyHistogram.BucketOf(17)));
        foreach (var value in new long[] { 31, 32, 63, 64, 1000, 123_456_789 })
        {
            var highest = LatencyHistogram.HighestIn(LatencyHistogram.BucketOf(value));
            Assert.InRange(highest, value, value + (value / 32));
        }
        Assert.Equal(long.MaxValue, LatencyHistogram.HighestIn(LatencyHistogram.BucketOf(long.MaxValue)));
    }

    [Fact]
    public void Empty_ReportsZero() => Assert.Equal(0, new LatencyHistogram().ValueAtPercentile(99));
}
