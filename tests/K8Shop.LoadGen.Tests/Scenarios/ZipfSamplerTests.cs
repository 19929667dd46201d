using K8Shop.LoadGen.Scenarios;

namespace K8Shop.LoadGen.Tests.Scenarios;

public sealed class ZipfSamplerTests
{
    private const int Draws = 200_000;

    [Fact]
    public void Skew_MakesTheFirstSkuFarMorePopularThanTheLast()
    {
        var sampler = new ZipfSampler(150, 1.1);
        var counts = new int[150];
        var random = new Random(42);
        for (var i = 0; i < Draws; i++)
            counts[sampler.Sample(random)]++;

        // 150^1.1 is about 248: BOOK-001 should be drawn a couple of hundred times as often as BOOK-150.
        Assert.True(counts[0] > 100 * Math.Max(1, counts[149]), $"BOOK-001 {counts[0]}, BOOK-150 {counts[149]}");
        Assert.InRange(counts[0] / (double)Draws, sampler.Probability(0) * 0.97, sampler.Probability(0) * 1.03);
        Assert.True(counts[0] > counts[1] && counts[1] > counts[9] && counts[9] > counts[99]);
    }

    [Fact]
    public void SameSeed_GivesTheSameSequence_AndAnotherSeedAnother()
    {
        var sampler = new ZipfSampler(150, 1.1);
        int[] Sequence(int seed)
        {
            var random = new Random(seed);
            return [.. Enumerable.Range(0, 1000).Select(_ => sampler.Sample(random))];
        }

        Assert.Equal(Sequence(5), Sequence(5));
        Assert.NotEqual(Sequence(5), Sequence(6));
    }

    [Fact]
    public void ZeroSkew_IsUniform()
    {
        var sampler = new ZipfSampler(4, 0);

        Assert.All(Enumerable.Range(0, 4), rank => Assert.Equal(0.25, sampler.Probability(rank), 12));
    }

    [Fact]
    public void MixedScenario_WithTheSameSeed_DrawsTheSameOperations()
    {
        var policy = new SettlementPolicy(0.2, 0.3, 0.1);
        var first = new MixedScenario(150, 1.1, policy);
        var second = new MixedScenario(150, 1.1, policy);
        var (a, b) = (new Random(9), new Random(9));

        var drawnFirst = Enumerable.Range(0, 500).Select(_ => first.Next(a)).ToList();
        var drawnSecond = Enumerable.Range(0, 500).Select(_ => second.Next(b)).ToList();

        Assert.Equal(drawnFirst, drawnSecond);
        Assert.All(drawnFirst.Cast<ReserveThenSettle>(), operation => Assert.InRange(operation.Quantity, 1, 2));
        Assert.Equal("BOOK-001", first.Skus[0]);
        Assert.Equal("BOOK-150", first.Skus[^1]);
    }
}
