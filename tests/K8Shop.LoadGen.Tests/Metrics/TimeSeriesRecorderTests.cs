using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Metrics;

namespace K8Shop.LoadGen.Tests.Metrics;

/// <summary>A clock of 1000 ticks a second starting at tick 10,000, so timestamps say which second they fall in.</summary>
public sealed class TimeSeriesRecorderTests
{
    private const long Start = 10_000;
    private readonly TimeSeriesRecorder _series = new(Start, frequency: 1000);

    private static long At(double seconds) => Start + (long)(seconds * 1000);

    [Fact]
    public void Samples_LandInTheSecondTheyHappenedIn()
    {
        _series.Latency(At(0.2), 1_000);
        _series.Latency(At(0.999), 3_000);
        _series.Request(At(0.5));
        _series.Operation(At(0.999));
        _series.Latency(At(1.0), 50_000);
        _series.Request(At(1.0));
        _series.Request(At(1.7));
        _series.Error(At(1.7), ErrorKind.Http503);
        _series.Error(At(3.1), ErrorKind.Timeout);
        _series.Operation(At(3.9));
        _series.Outcome(At(3.9), Outcome.OrderConfirmed);
        _series.Outcome(At(3.95), Outcome.OrderPaymentFailed);

        var seconds = _series.Finish(At(3.95));

        Assert.Equal([0L, 1, 2, 3], seconds.Select(second => second.Second));
        Assert.Equal([1L, 0, 0, 1], seconds.Select(second => second.Operations));
        Assert.Equal([1L, 2, 0, 0], seconds.Select(second => second.Requests));
        Assert.Equal([2L, 1, 0, 0], seconds.Select(second => second.Latencies));
        Assert.Equal(1, seconds[1].Errors[ErrorKind.Http503]);
        Assert.Equal(0, seconds[1].Errors[ErrorKind.Timeout]);
        Assert.Equal(1, seconds[3].Errors[ErrorKind.Timeout]);
        Assert.Equal(new Dictionary<Outcome, long> { [Outcome.OrderConfirmed] = 1, [Outcome.OrderPaymentFailed] = 1 }, seconds[3].Outcomes);
        Assert.Empty(seconds[2].Outcomes);
        Assert.InRange(seconds[0].P50Ms!.Value, 1.0, 1.01);
        Assert.InRange(seconds[0].MaxMs!.Value, 3.0, 3.03);
        Assert.InRange(seconds[1].P99Ms!.Value, 50.0, 50.5);
        Assert.Null(seconds[2].P99Ms);
        Assert.Equal(0, _series.LateSamples);
    }

    [Fact]
    public void ASampleForAClosedSecond_IsCountedLate_NotPutInAnotherSecond()
    {
        _series.CloseUpTo(At(5.5));
        _series.Request(At(1.5));
        _series.Request(At(4.5));

        var seconds = _series.Finish(At(5.5));

        Assert.Equal(1, _series.LateSamples);
        Assert.Equal(0, seconds[1].Requests);
        Assert.Equal(1, seconds[4].Requests);
        Assert.Equal(6, seconds.Count);
    }

    [Fact]
    public void TheRingWrapsAsSecondsClose_FarPastItsSize()
    {
        for (var second = 0; second < 100; second++)
        {
            _series.Operation(At(second + 0.5));
            _series.CloseUpTo(At(second + 0.6));
        }

        var seconds = _series.Finish(At(99.9));

        Assert.Equal(100, seconds.Count);
        Assert.All(seconds, second => Assert.Equal(1, second.Operations));
        Assert.Equal(0, _series.LateSamples);
    }

    [Fact]
    public void AWindow_AddsUpOnlyItsOwnSeconds()
    {
        var window = _series.Track(2, 4);
        for (var second = 0; second < 6; second++)
        {
            _series.Operation(At(second + 0.1));
            _series.Latency(At(second + 0.1), (second + 1) * 1_000);
        }

        _series.Finish(At(5.5));

        Assert.Equal(2, window.Seconds);
        Assert.Equal(2, window.Operations);
        Assert.Equal(2, window.Latency.TotalCount);
        Assert.InRange(HistogramPercentiles.NearestRank(window.Latency, 100m), 4_000, 4_040);
        // Tracked after its seconds closed: their counts, not their latency.
        var late = _series.Track(1, 3);
        Assert.Equal((2L, 2L, 0L), (late.Seconds, late.Operations, late.Latency.TotalCount));
    }
}
