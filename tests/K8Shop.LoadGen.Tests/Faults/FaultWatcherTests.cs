using K8Shop.LoadGen.Faults;

namespace K8Shop.LoadGen.Tests.Faults;

public sealed class FaultWatcherTests
{
    [Fact]
    public async Task EachPoll_RecordsTheFaultsOnAtThatMoment()
    {
        var handler = new FakeFaultsHandler(("payment-decline", "error"), ("smtp-slow", "latency"));
        var watcher = new FaultWatcher(new FaultsClient(FakeFaultsHandler.Client(handler), new StaticToken(), TimeSpan.FromSeconds(5)), TextWriter.Null);

        Assert.True(await watcher.PollAsync(CancellationToken.None));
        handler.Set("smtp-slow", true);
        Assert.True(await watcher.PollAsync(CancellationToken.None));

        Assert.Equal([[], ["smtp-slow"]], watcher.Observations.Select(poll => poll.Active));
        Assert.Null(watcher.Unavailable);
    }

    [Fact]
    public async Task AServerWithoutTheApi_StopsTheWatch_SayingSoOnce()
    {
        var handler = new FakeFaultsHandler(("payment-decline", "error")) { NoApi = true };
        var log = new StringWriter();
        var watcher = new FaultWatcher(new FaultsClient(FakeFaultsHandler.Client(handler), new StaticToken(), TimeSpan.FromSeconds(5)), log, TimeSpan.FromMilliseconds(10));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await watcher.RunAsync(stop.Token);

        Assert.False(stop.IsCancellationRequested, "the watch should end by itself at the 404");
        Assert.Equal(1, watcher.Polls);
        Assert.Contains("404", watcher.Unavailable, StringComparison.Ordinal);
        Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(watcher.Observations);
    }

    [Fact]
    public void TheTimeline_PrefersTheScheduleOwnSwitching_AndFillsTheRestFromPolls()
    {
        FaultSpan[] chaos = [new("payment-decline", 2.4, 4.1, FaultTimeline.Chaos)];
        (double, IReadOnlyList<string>)[] polls =
        [
            (0.5, ["smtp-slow"]), (1.5, ["smtp-slow"]), (2.5, ["payment-decline", "smtp-slow"]), (3.5, ["payment-decline"]), (4.5, []),
        ];

        var timeline = new FaultTimeline(chaos, polls, 6);

        Assert.Equal(["smtp-slow"], timeline.ActiveIn(0));
        Assert.Equal(["payment-decline", "smtp-slow"], timeline.ActiveIn(2));
        Assert.Equal(["payment-decline", "smtp-slow"], timeline.ActiveIn(3));
        Assert.Equal(["payment-decline"], timeline.ActiveIn(4));
        Assert.Empty(timeline.ActiveIn(5));
        Assert.Equal([("smtp-slow", 0.5, (double?)3.5, "observed"), ("payment-decline", 2.4, 4.1, "chaos")],
            timeline.Spans.OrderBy(span => span.Name == "payment-decline").Select(span => (span.Name, span.From, span.To, span.Source)));
    }
}
