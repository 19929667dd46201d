using System.Diagnostics;
using K8Shop.LoadGen.Metrics;

namespace K8Shop.LoadGen.Tests.Metrics;

/// <summary>Alone in the process while it runs: the memory test reads the whole heap, which other tests would move.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurement
{
    public const string Name = "memory measurement";
}

[Collection(MemoryMeasurement.Name)]
public sealed class LatencyRecorderTests
{
    private const int Threads = 4;
    private const int PerThread = 2_500_000;
    private const int DistinctMicroseconds = 100_000;

    [Fact]
    public async Task TenMillionSamplesAcrossThreads_KeepMemoryFlat_AndPercentilesWithinHdrPrecision()
    {
        var series = new TimeSeriesRecorder(Stopwatch.GetTimestamp());
        var recorder = new RunRecorder(series);
        using var stop = new CancellationTokenSource();
        var closer = series.CloseAsTimeGoesAsync(stop.Token);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        // Each thread records 1..100,000 µs, 25 times over: every value equally often, so the exact percentiles are known.
        var threads = Enumerable.Range(0, Threads).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                var microseconds = ((i + (thread * 7919)) % DistinctMicroseconds) + 1;
                var answeredAt = Stopwatch.GetTimestamp();
                recorder.Measured.Request(RequestKind.Reserve, answeredAt - (microseconds * Stopwatch.Frequency / 1_000_000), answeredAt);
            }
        }));
        await Task.WhenAll(threads);
        await stop.CancelAsync();
        await closer;
        var seconds = series.Finish(Stopwatch.GetTimestamp());
        var after = GC.GetTotalMemory(forceFullCollection: true);

        // A list of every sample would hold 80 MB here; the histograms are allocated up front.
        Assert.True(after - before < 2_000_000, $"memory grew by {after - before:N0} bytes over {Threads * PerThread:N0} samples");
        var histogram = recorder.Measured.Latency(RequestKind.Reserve).Snapshot();
        Assert.Equal(Threads * PerThread, histogram.TotalCount);
        Assert.Equal(Threads * PerThread, recorder.Measured.RequestsOf(RequestKind.Reserve));
        foreach (var (percentile, exact) in new[] { (50m, 50_000L), (90m, 90_000L), (99m, 99_000L), (99.9m, 99_900L), (100m, 100_000L) })
        {
            var value = HistogramPercentiles.NearestRank(histogram, percentile);
            Assert.InRange(value, exact, exact + (exact / 1000) + 1);
        }
        // The series saw the same samples, none late.
        Assert.Equal(0, series.LateSamples);
        Assert.Equal(Threads * PerThread, seconds.Sum(second => second.Requests));
        Assert.Equal(Threads * PerThread, seconds.Sum(second => second.Latencies));
    }

    [Fact]
    public void HistogramNearestRank_IsNeverBelowTheExactOne_AndWithinOneThousandthAbove()
    {
        var recorder = new LatencyRecorder();
        var random = new Random(11);
        var samples = Enumerable.Range(0, 50_000).Select(_ => (long)random.Next(1, 5_000_000)).ToArray();
        foreach (var sample in samples)
            recorder.RecordMicroseconds(sample);
        Array.Sort(samples);
        var histogram = recorder.Snapshot();

        foreach (var percentile in new[] { 0.01m, 50m, 90m, 99m, 99.9m, 100m })
        {
            var exact = Percentiles.NearestRank(samples, percentile);
            Assert.InRange(HistogramPercentiles.NearestRank(histogram, percentile), exact, exact + (exact / 1000) + 1);
        }
    }

    [Fact]
    public void SmallLatencies_AreExact()
    {
        var recorder = new LatencyRecorder();
        foreach (var microseconds in new long[] { 3, 5, 7, 1999 })
            recorder.RecordMicroseconds(microseconds);
        var histogram = recorder.Snapshot();

        Assert.Equal(5, HistogramPercentiles.NearestRank(histogram, 50m));
        Assert.Equal(1999, HistogramPercentiles.NearestRank(histogram, 100m));
    }
}
