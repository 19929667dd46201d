using System.Numerics;

namespace K8Shop.LoadGen.Metrics;

/// <summary>
/// Counts microsecond latencies in HdrHistogram's log-linear layout (exact below 32 µs, then 32 linear buckets per
/// power of two), so a percentile is within 1/32 of the true value. It serves the live progress line, where sorting
/// every sample once a second would not scale; the final report sorts the samples instead.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 5;
    private const int SubBuckets = 1 << SubBucketBits;

    private readonly long[] _counts = new long[(64 - SubBucketBits) * SubBuckets];
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public void Record(long microseconds)
    {
        Interlocked.Increment(ref _counts[BucketOf(Math.Max(0, microseconds))]);
        Interlocked.Increment(ref _total);
    }

    /// <summary>The highest value of the bucket holding the nearest-rank sample; 0 when empty.</summary>
    public long ValueAtPercentile(double percentile)
    {
        var total = Total;
        if (total == 0)
            return 0;
        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100 * total));
        long seen = 0;
        for (var bucket = 0; bucket < _counts.Length; bucket++)
        {
            seen += Interlocked.Read(ref _counts[bucket]);
            if (seen >= rank)
                return HighestIn(bucket);
        }
        return HighestIn(_counts.Length - 1);
    }

    public static int BucketOf(long value)
    {
        if (value < SubBuckets)
            return (int)value;
        var magnitude = BitOperations.Log2((ulong)value);
        var shift = magnitude - SubBucketBits;
        return ((shift + 1) * SubBuckets) + (int)((value >> shift) - SubBuckets);
    }

    public static long HighestIn(int bucket)
    {
        if (bucket < SubBuckets)
            return bucket;
        var shift = (bucket / SubBuckets) - 1;
        var lowest = (long)(SubBuckets + (bucket % SubBuckets)) << shift;
        return lowest + (1L << shift) - 1;
    }
}
