using HdrHistogram;

namespace K8Shop.LoadGen.Metrics;

/// <summary>
/// Nearest-rank percentiles over a histogram, as <see cref="Percentiles.NearestRank"/> over sorted samples: the bucket
/// holding the sample at 1-based rank ceil(p/100 * n), reported as the highest value that bucket stands for (never
/// above the largest sample), so a percentile is never below the exact one and at most the histogram's precision above.
/// HdrHistogram's own GetValueAtPercentile rounds the rank to nearest instead.
/// </summary>
public static class HistogramPercentiles
{
    public static long NearestRank(HistogramBase histogram, decimal percentile)
    {
        var total = histogram.TotalCount;
        if (total == 0)
            throw new ArgumentException("a percentile needs at least one sample", nameof(histogram));
        if (percentile <= 0 || percentile > 100)
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "must be above 0 and at most 100");
        var rank = Math.Max(1, (long)Math.Ceiling(percentile * total / 100m));
        var max = histogram.GetMaxValue();
        long seen = 0;
        foreach (var step in histogram.RecordedValues())
        {
            seen += step.CountAddedInThisIterationStep;
            if (seen >= rank)
                return Math.Min(step.ValueIteratedTo, max);
        }
        return max;
    }
}
