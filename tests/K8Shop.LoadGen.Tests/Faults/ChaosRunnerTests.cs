using System.Diagnostics;
using K8Shop.LoadGen.Faults;
using K8Shop.LoadGen.Metrics;

namespace K8Shop.LoadGen.Tests.Faults;

/// <summary>The chaos schedule against the fault API in memory: on and off in order, and always off at the end.</summary>
public sealed class ChaosRunnerTests
{
    private static readonly ChaosFault[] Faults = [new("payment-decline", "error"), new("dynamodb-latency", "latency"), new("smtp-5xx", "error")];

    [Fact]
    public async Task EachFault_IsTurnedOnThenOff_InTurn_WithItsKindsParameters()
    {
        var handler = new FakeFaultsHandler(("payment-decline", "error"), ("dynamodb-latency", "latency"), ("smtp-5xx", "error"));
        var (runner, series, _) = Runner(handler);

        await runner.RunAsync(ChaosPlan.Windows(Faults, TimeSpan.FromSeconds(1), TimeSpan.Zero, 0, 3), TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal(
            [
                "PUT /admin/faults/payment-decline on", "PUT /admin/faults/payment-decline off",
                "PUT /admin/faults/dynamodb-latency on", "PUT /admin/faults/dynamodb-latency off",
                "PUT /admin/faults/smtp-5xx on", "PUT /admin/faults/smtp-5xx off",
            ],
            handler.Calls);
        Assert.Equal(new FaultSetting(true, 0.5, null, 31), handler.Settings[0]);
        Assert.Equal(new FaultSetting(true, 1.0, 300, 31), handler.Settings[2]);
        Assert.Equal("operator-token", handler.BearerSeen);
        Assert.Empty(runner.LeftOn);
        Assert.All(Faults, fault => Assert.False(handler.IsOn(fault.Name)));
        Assert.Equal(3, runner.Windows.Count);
        Assert.All(runner.Windows, window => Assert.True(window.TurnedOnAt < window.TurnedOffAt));
        // Each window was on for about its second, in order.
        Assert.True(runner.Windows[0].TurnedOffAt <= runner.Windows[1].TurnedOnAt);
        series.Finish(Stopwatch.GetTimestamp());
        Assert.Equal(1, runner.Windows[1].Figures.Seconds);
    }

    [Fact]
    public async Task StoppedMidWindow_TurnsOffWhatIsOn_AndNeverStartsTheNext()
    {
        var handler = new FakeFaultsHandler(("payment-decline", "error"), ("dynamodb-latency", "latency"), ("smtp-5xx", "error"));
        var (runner, _, _) = Runner(handler);
        using var stop = new CancellationTokenSource();

        var running = runner.RunAsync(ChaosPlan.Windows(Faults, TimeSpan.FromSeconds(5), TimeSpan.Zero, 0, null), TimeSpan.FromSeconds(5), stop.Token);
        await WaitUntilAsync(() => handler.IsOn("payment-decline"));
        await stop.CancelAsync();
        await running;

        Assert.Equal(["PUT /admin/faults/payment-decline on", "PUT /admin/faults/payment-decline off"], handler.Calls);
        Assert.False(handler.IsOn("payment-decline"));
        Assert.Empty(runner.LeftOn);
        Assert.NotNull(runner.Windows[0].TurnedOffAt);
    }

    [Fact]
    public async Task AFaultThatWillNotTurnOff_IsTriedAgain_AndNamedAsLeftOn()
    {
        var handler = new FakeFaultsHandler(("payment-decline", "error"), ("dynamodb-latency", "latency"), ("smtp-5xx", "error"));
        handler.CannotTurnOff.Add("payment-decline");
        var (runner, _, log) = Runner(handler);

        await runner.RunAsync(ChaosPlan.Windows(Faults[..1], TimeSpan.FromSeconds(1), TimeSpan.Zero, 0, 1), TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal(["payment-decline"], runner.LeftOn);
        // Three tries in the window, three more at the end.
        Assert.Equal(6, handler.Calls.Count(call => call == "PUT /admin/faults/payment-decline off"));
        Assert.Contains("COULD NOT TURN OFF payment-decline", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ThePlan_StartsWithABaseline_ThenCyclesTheFaults_AndIsCutAtTheEnd()
    {
        var windows = ChaosPlan.Windows(Faults[..2], TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(10), 5, 100).ToList();

        Assert.Equal(
            [(null, 5L, 15L), ("payment-decline", 15, 35), (null, 35, 45), ("dynamodb-latency", 45, 65), (null, 65, 75), ("payment-decline", 75, 95), (null, 95, 100)],
            windows.Select(window => (window.Fault?.Name, window.FromSecond, window.ToSecond)));
    }

    private static (ChaosRunner Runner, TimeSeriesRecorder Series, StringWriter Log) Runner(FakeFaultsHandler handler)
    {
        var start = Stopwatch.GetTimestamp();
        var series = new TimeSeriesRecorder(start);
        var log = new StringWriter();
        var client = new FaultsClient(FakeFaultsHandler.Client(handler), new StaticToken(), TimeSpan.FromSeconds(5));
        return (new ChaosRunner(client, series, start, TextWriter.Synchronized(log)), series, log);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.GetTimestamp() + (5 * Stopwatch.Frequency);
        while (!condition() && Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(10);
        Assert.True(condition(), "timed out");
    }
}
