using System.Diagnostics;
using K8Shop.LoadGen.Cli;
using K8Shop.LoadGen.Faults;
using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Metrics;

namespace K8Shop.LoadGen.Reporting;

/// <summary>When the run's second 0 was, on the Stopwatch and on the wall clock (read at the same moment).</summary>
public sealed record RunTimes(long Start, DateTimeOffset WallStart, double WarmupSeconds)
{
    public double SecondsAt(long timestamp) => Stopwatch.GetElapsedTime(Start, timestamp).TotalSeconds;
}

/// <summary>Turns the closed seconds, the fault polls and the chaos windows into the report's series and faults sections.</summary>
public static class SeriesReportBuilder
{
    public static FaultTimeline Timeline(RunTimes times, FaultWatcher? watcher, ChaosRunner? chaos, long loadEnd)
    {
        var switched = chaos?.Windows
            .Where(window => window.Plan.Fault is not null && window.TurnedOnAt is not null)
            .Select(window => new FaultSpan(window.Plan.Fault!.Name, times.SecondsAt(window.TurnedOnAt!.Value),
                window.TurnedOffAt is { } off ? times.SecondsAt(off) : null, FaultTimeline.Chaos))
            .ToList() ?? [];
        var polls = watcher?.Observations.Select(poll => (times.SecondsAt(poll.At), poll.Active)).ToList() ?? [];
        return new FaultTimeline(switched, polls, times.SecondsAt(loadEnd));
    }

    public static SeriesReport Series(IReadOnlyList<SecondFigures> seconds, RunTimes times, long lateSamples, bool checkout, FaultTimeline timeline) =>
        new(checkout ? "checkout" : "request", times.WallStart, times.WarmupSeconds, lateSamples,
            [.. seconds.Select(second => Point(second, times, timeline))]);

    public static FaultsReport Faults(string? unavailable, FaultWatcher? watcher, ChaosRunner? chaos, ChaosOptions? options, IReadOnlyList<ChaosFault> chaosFaults,
        FaultTimeline timeline, RunTimes times)
    {
        var windows = timeline.Spans.Select(span => new FaultWindow(span.Name, Round(span.From), span.To is { } to ? Round(to) : null, span.Source)).ToList();
        var chaosReport = chaos is null || options is null
            ? null
            : new ChaosReport(options.On.TotalSeconds, options.Off.TotalSeconds, [.. chaosFaults.Select(fault => fault.Name)],
                [.. chaos.Windows.Select(window => Window(window, times))], chaos.LeftOn, chaos.Failure);
        return new FaultsReport(watcher?.Unavailable ?? unavailable, watcher?.Polls ?? 0, watcher?.FailedPolls ?? 0, windows, chaosReport);
    }

    private static SeriesPoint Point(SecondFigures second, RunTimes times, FaultTimeline timeline)
    {
        var errors = second.Errors;
        return new SeriesPoint(
            second.Second, times.WallStart.AddSeconds(second.Second), second.Second >= times.WarmupSeconds, second.Operations, second.Requests,
            Math.Max(0, second.Requests - second.ErrorTotal), second.ErrorTotal,
            new SecondErrors(errors[ErrorKind.Http429], errors[ErrorKind.Http503], errors[ErrorKind.HttpOther], errors[ErrorKind.Timeout],
                errors[ErrorKind.Connection], errors[ErrorKind.InvalidReply]),
            Outcomes.Labelled(second.Outcomes),
            second.P50Ms, second.P99Ms, second.MaxMs, timeline.ActiveIn(second.Second));
    }

    private static ChaosWindowReport Window(ChaosWindow window, RunTimes times)
    {
        var figures = window.Figures;
        var latency = figures.Latency;
        var seconds = figures.Seconds;
        double? At(decimal percentile) => latency.TotalCount == 0 ? null : HistogramPercentiles.NearestRank(latency, percentile) / 1000.0;
        return new ChaosWindowReport(
            window.Plan.Fault?.Name, window.Plan.Fault?.Kind, window.Plan.FromSecond, window.Plan.ToSecond,
            window.TurnedOnAt is { } on ? Round(times.SecondsAt(on)) : null, window.TurnedOffAt is { } off ? Round(times.SecondsAt(off)) : null,
            window.Problem, figures.Operations, seconds > 0 ? figures.Operations / (double)seconds : 0, figures.Requests, figures.ErrorTotal,
            Outcomes.Labelled(Enum.GetValues<Outcome>().Select(outcome => KeyValuePair.Create(outcome, figures.Outcomes(outcome)))),
            At(50m), At(99m), At(100m));
    }

    private static double Round(double seconds) => Math.Round(seconds, 3);
}
