using K8Shop.LoadGen.Metrics;

namespace K8Shop.LoadGen.Tests.Metrics;

public sealed class PercentilesTests
{
    private static readonly long[] OneToThousand = [.. Enumerable.Range(1, 1000).Select(value => (long)value)];

    [Theory]
    [InlineData(50, 500)]
    [InlineData(90, 900)]
    [InlineData(99, 990)]
    [InlineData(99.9, 999)]
    [InlineData(100, 1000)]
    [InlineData(0.01, 1)]
    public void NearestRank_OverOneToThousand_IsTheValueAtRankCeilPN(double percentile, long expected) =>
        Assert.Equal(expected, Percentiles.NearestRank(OneToThousand, (decimal)percentile));

    [Fact]
    public void NearestRank_PicksAnObservedValue_NeverAnInterpolatedOne()
    {
        long[] sorted = [10, 20, 30, 40];

        Assert.Equal(20, Percentiles.NearestRank(sorted, 50m));
        Assert.Equal(30, Percentiles.NearestRank(sorted, 50.1m));
        Assert.Equal(40, Percentiles.NearestRank(sorted, 99.9m));
    }

    [Fact]
    public void NearestRank_OfOneSample_IsThatSample() =>
        Assert.Equal(7, Percentiles.NearestRank([7L], 99.9m));

    [Fact]
    public void NearestRank_RefusesNoSamplesAndPercentilesOutOfRange()
    {
        Assert.Throws<ArgumentException>(() => Percentiles.NearestRank([], 50m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.NearestRank(OneToThousand, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.NearestRank(OneToThousand, 100.1m));
    }
}
