namespace K8Shop.LoadGen.Metrics;

/// <summary>
/// Nearest-rank percentiles over every sample: the p-th percentile of n sorted samples is the one at 1-based rank
/// ceil(p/100 * n), the smallest sample with at least p% of all samples at or below it. No interpolation, so the
/// answer is always a latency that was actually observed; p100 is the maximum.
/// </summary>
public static class Percentiles
{
    public static long NearestRank(ReadOnlySpan<long> sorted, decimal percentile)
    {
        if (sorted.IsEmpty)
            throw new ArgumentException("a percentile needs at least one sample", nameof(sorted));
        if (percentile <= 0 || percentile > 100)
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "must be above 0 and at most 100");
        // decimal keeps 99.9% of 1000 at exactly 999, where double would round it to 999.0000000000001 and pick rank 1000.
        var rank = (int)Math.Ceiling(percentile * sorted.Length / 100m);
        return sorted[Math.Max(rank, 1) - 1];
    }
}
