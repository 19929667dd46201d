using System.Diagnostics;
using K8Shop.LoadGen.Metrics;

namespace K8Shop.LoadGen.Faults;

/// <summary>
/// Plays a <see cref="ChaosPlan"/> against the gateway while the load runs: each fault on (PUT enabled, with the
/// kind's parameters), wait, off, next. Whatever it turned on it turns off again when the plan ends, the load stops,
/// Ctrl-C is pressed or anything throws; a fault it could not turn off is named in <see cref="LeftOn"/> (and expires on
/// the gateway by itself: every PUT carries durationSeconds).
/// </summary>
public sealed class ChaosRunner(FaultsClient client, TimeSeriesRecorder series, long runStart, TextWriter log)
{
    private const int TurnOffTries = 3;

    private readonly List<ChaosWindow> _windows = [];
    private readonly HashSet<string> _on = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IReadOnlyList<ChaosWindow> Windows
    {
        get
        {
            lock (_gate)
                return [.. _windows];
        }
    }

    public IReadOnlyList<string> LeftOn { get; private set; } = [];

    /// <summary>What broke the schedule before its end, if anything did (the faults it had turned on are still turned off).</summary>
    public string? Failure { get; private set; }

    public async Task RunAsync(IEnumerable<PlannedWindow> plan, TimeSpan on, CancellationToken stop)
    {
        try
        {
            foreach (var planned in plan)
            {
                var window = new ChaosWindow(planned, series.Track(planned.FromSecond, planned.ToSecond));
                lock (_gate)
                    _windows.Add(window);
                await DelayUntilSecondAsync(planned.FromSecond, stop);
                if (planned.Fault is { } fault)
                    await TurnOnAsync(window, fault, on, stop);
                await DelayUntilSecondAsync(planned.ToSecond, stop);
                if (planned.Fault is { } done && window.TurnedOnAt is not null)
                    await TurnOffAsync(window, done.Name);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The load ended (or Ctrl-C): fall through to turning everything off.
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The load goes on without its schedule; the report says why.
            Failure = $"{error.GetType().Name}: {error.Message}";
            await log.WriteLineAsync($"k8shop-loadgen: chaos: stopped: {Failure}");
        }
        finally
        {
            await TurnEverythingOffAsync();
        }
    }

    private async Task TurnOnAsync(ChaosWindow window, ChaosFault fault, TimeSpan on, CancellationToken stop)
    {
        // Counted as on before the call: a PUT that times out may still have switched it.
        lock (_gate)
            _on.Add(fault.Name);
        var result = await client.SetAsync(fault.Name, fault.TurnOn(on), stop);
        if (result.Reply is { Enabled: true })
        {
            window.TurnedOnAt = Stopwatch.GetTimestamp();
            await log.WriteLineAsync($"k8shop-loadgen: chaos: {fault.Name} on");
            return;
        }
        window.Problem = result.Failure is { } failure ? $"could not turn it on: {failure}" : "the gateway answered it is still off";
        await log.WriteLineAsync($"k8shop-loadgen: chaos: {fault.Name}: {window.Problem}");
    }

    private async Task<bool> TurnOffAsync(ChaosWindow? window, string name)
    {
        for (var attempt = 1; attempt <= TurnOffTries; attempt++)
        {
            // Never the run's token: turning off must happen even after Ctrl-C.
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var result = await client.SetAsync(name, ChaosFault.TurnOff, deadline.Token);
            if (result.Reply is { Enabled: false })
            {
                lock (_gate)
                    _on.Remove(name);
                if (window is not null)
                    window.TurnedOffAt = Stopwatch.GetTimestamp();
                await log.WriteLineAsync($"k8shop-loadgen: chaos: {name} off");
                return true;
            }
            await log.WriteLineAsync($"k8shop-loadgen: chaos: turning {name} off failed ({result.Failure?.ToString() ?? "still on"}), try {attempt} of {TurnOffTries}");
            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
        }
        return false;
    }

    private async Task TurnEverythingOffAsync()
    {
        string[] on;
        lock (_gate)
            on = [.. _on];
        var left = new List<string>();
        foreach (var name in on)
        {
            var window = Windows.LastOrDefault(window => window.Plan.Fault?.Name == name && window.TurnedOffAt is null);
            if (!await TurnOffAsync(window, name))
                left.Add(name);
        }
        LeftOn = left;
        if (left.Count > 0)
            await log.WriteLineAsync($"k8shop-loadgen: chaos: COULD NOT TURN OFF {string.Join(", ", left)}; they expire by themselves (durationSeconds)");
    }

    private Task DelayUntilSecondAsync(long second, CancellationToken stop)
    {
        var due = runStart + (second * Stopwatch.Frequency);
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        return wait > TimeSpan.Zero ? Task.Delay(wait, stop) : Task.CompletedTask;
    }
}
