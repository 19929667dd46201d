namespace K8Shop.LoadGen.Scenarios;

/// <summary>What becomes of a granted reservation.</summary>
public enum Settlement
{
    Hold,
    Release,
    Commit,
}

/// <summary>Release with one probability, else commit with the other, else hold; optionally repeat the reserve first.</summary>
public sealed record SettlementPolicy(double ReleaseRatio, double CommitRatio, double RepeatRatio)
{
    public Settlement Draw(Random random) =>
        random.NextDouble() < ReleaseRatio ? Settlement.Release
        : random.NextDouble() < CommitRatio ? Settlement.Commit
        : Settlement.Hold;

    // No draw at a zero ratio, so adding the option leaves existing seeds' sequences alone.
    public bool DrawRepeat(Random random) => RepeatRatio > 0 && random.NextDouble() < RepeatRatio;
}
