using K8Shop.LoadGen.Reporting;

namespace K8Shop.LoadGen.Events;

/// <summary>
/// The event watcher over one run: consuming from before the load, sampling queue depths during it, then waiting for
/// the events still on their way and reporting.
/// </summary>
public sealed class EventWatchSession : IAsyncDisposable
{
    /// <summary>The drain ends once no event arrived for this long.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    private readonly EventWatchOptions _options;
    private readonly EventWatcher _watcher;
    private readonly CancellationTokenSource _sampling = new();
    private QueueDepthSampler? _sampler;
    private Task _samplerRun = Task.CompletedTask;

    private EventWatchSession(EventWatchOptions options, EventWatcher watcher) => (_options, _watcher) = (options, watcher);

    /// <summary>Starts consuming; only events of shoppers whose ids start with "lg-{runTag}-" count.</summary>
    public static async Task<EventWatchSession> StartAsync(EventWatchOptions options, string runTag, CancellationToken stop)
    {
        var watcher = await EventWatcher.StartAsync(options, new EventLog($"lg-{runTag}-"), runTag, stop);
        return new EventWatchSession(options, watcher);
    }

    /// <summary>The load begins at Stopwatch timestamp <paramref name="start"/>: queue samples are timed from it.</summary>
    public void LoadStarted(long start)
    {
        if (_options.Management is null)
            return;
        _sampler = new QueueDepthSampler(_options, start);
        _samplerRun = _sampler.RunAsync(_sampling.Token);
    }

    /// <summary>The load is over: the last queue sample is its end.</summary>
    public async Task LoadEndedAsync()
    {
        await _sampling.CancelAsync();
        await _samplerRun;
        if (_sampler is not null)
            await _sampler.SampleAsync(CancellationToken.None);
    }

    public async Task<EventsReport> FinishAsync(DateTimeOffset windowStart, DateTimeOffset windowEnd, long confirmedAnswers, double confirmedPerSecond)
    {
        await _watcher.DrainAsync(Quiet, _options.Drain);
        var log = _watcher.Log;
        var queues = _sampler is null
            ? null
            : new QueueDepthReport(QueueDepthSampler.Interval.TotalSeconds, _sampler.Samples.Count, _sampler.Failures, QueueGrowth.Reference.TotalSeconds,
                QueueGrowth.Trends(_sampler.Samples), _sampler.LastFailure);
        return EventsReportBuilder.Build(new EventRunFacts(
            _options.Exchange, windowStart, windowEnd, confirmedAnswers, confirmedPerSecond, log.Snapshot(), log.Foreign, log.Unreadable, queues, _options.P99Goal));
    }

    public async ValueTask DisposeAsync()
    {
        await _sampling.CancelAsync();
        await _samplerRun;
        _sampler?.Dispose();
        _sampling.Dispose();
        await _watcher.DisposeAsync();
    }
}
