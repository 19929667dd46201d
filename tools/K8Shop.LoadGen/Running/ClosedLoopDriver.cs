using System.Diagnostics;
using K8Shop.LoadGen.Scenarios;

namespace K8Shop.LoadGen.Running;

/// <summary>
/// A fixed number of clients, each starting its next operation as soon as the previous one ends. A client told
/// 429 with Retry-After waits that long (at most <see cref="MaxBackoff"/>) before its next operation, as a polite
/// client would. Each client draws from its own seeded Random, so its sequence of choices is repeatable.
/// </summary>
public sealed class ClosedLoopDriver(RunContext run, IScenario scenario, int clients, int seed) : ILoadDriver
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    public Task RunAsync(RunClock clock, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(() => ClientAsync(client, clock, stop), CancellationToken.None)));

    private async Task ClientAsync(int client, RunClock clock, CancellationToken stop)
    {
        var random = new Random(unchecked((seed * 7919) + client));
        while (!stop.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            if (!clock.TryBegin(now, out var measured))
                return;
            var session = await run.RunAsync(scenario.Next(random), now, measured);
            if (session.RetryAfter is { } wait && wait > TimeSpan.Zero)
                await PauseAsync(wait < MaxBackoff ? wait : MaxBackoff, stop);
        }
    }

    private static async Task PauseAsync(TimeSpan wait, CancellationToken stop)
    {
        try
        {
            await Task.Delay(wait, stop);
        }
        catch (OperationCanceledException)
        {
            // Stopping ends the pause; the loop then sees the stop and returns.
        }
    }
}
