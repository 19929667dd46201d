using System.Diagnostics;
using System.Runtime.ExceptionServices;
using K8Shop.LoadGen.Scenarios;

namespace K8Shop.LoadGen.Running;

/// <summary>
/// Starts operation k at start + k/rate whatever the server does, timing it from that due time. At most
/// maxInFlight run at once: an operation whose due time finds them all busy is not started and counts as dropped.
/// The schedule is drawn from one seeded Random in due order, so the sequence of choices is repeatable too.
/// </summary>
public sealed class OpenLoopDriver(RunContext run, IScenario scenario, double rate, int maxInFlight, int seed) : ILoadDriver
{
    private ExceptionDispatchInfo? _fault;

    public async Task RunAsync(RunClock clock, CancellationToken stop)
    {
        var random = new Random(seed);
        var interval = Stopwatch.Frequency / rate;
        using var slots = new SemaphoreSlim(maxInFlight, maxInFlight);
        for (long k = 0; !stop.IsCancellationRequested && _fault is null; k++)
        {
            var dueAt = clock.Start + (long)(k * interval);
            if (!await WaitUntilAsync(dueAt, stop) || !clock.TryBegin(dueAt, out var measured))
                break;
            // Drawn even when dropped, so the choices do not depend on how the server kept up.
            var operation = scenario.Next(random);
            if (!slots.Wait(0))
            {
                run.Recorder.For(measured).Drop();
                continue;
            }
            // Off the dispatcher, so building and sending a request never delays the next due time.
            _ = Task.Run(() => RunOneAsync(operation, dueAt, measured, slots), CancellationToken.None);
        }
        // Holding every slot means every started operation has finished.
        for (var i = 0; i < maxInFlight; i++)
            await slots.WaitAsync(CancellationToken.None);
        _fault?.Throw();
    }

    private async Task RunOneAsync(IOperation operation, long dueAt, bool measured, SemaphoreSlim slots)
    {
        try
        {
            await run.RunAsync(operation, dueAt, measured);
        }
        catch (Exception error)
        {
            // Requests never throw; anything here is a bug in the tool, to surface rather than lose.
            Interlocked.CompareExchange(ref _fault, ExceptionDispatchInfo.Capture(error), null);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Sleeps until the due time; timers tick in whole milliseconds, so operations due within one start together.</summary>
    private static async Task<bool> WaitUntilAsync(long dueAt, CancellationToken stop)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), dueAt);
        if (wait <= TimeSpan.Zero)
            return true;
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
