using K8Shop.LoadGen.Scenarios;

namespace K8Shop.LoadGen.Tests.Scenarios;

public sealed class SettlementPolicyTests
{
    [Fact]
    public void Draw_ReleasesAtTheReleaseRatio_ThenCommitsAtTheCommitRatioOfTheRest()
    {
        var policy = new SettlementPolicy(0.2, 0.3, 0);
        var random = new Random(1);
        var counts = Enumerable.Range(0, 100_000).Select(_ => policy.Draw(random)).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(counts[Settlement.Release], 19_000, 21_000);
        Assert.InRange(counts[Settlement.Commit], 23_000, 25_000);
        Assert.InRange(counts[Settlement.Hold], 55_000, 57_000);
    }
}
