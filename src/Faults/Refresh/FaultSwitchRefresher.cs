using K8Shop.Contracts.Faults;
using K8Shop.Faults.Hosting;
using K8Shop.Faults.Switches;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8Shop.Faults.Refresh;

/// <summary>
/// Keeps this node's <see cref="FaultSwitches"/> equal to the cluster's switchboard: once the host has started (the
/// silo or the client is up), applies the configured startup settings (silos only), then asks every
/// <see cref="FaultSwitchOptions.RefreshInterval"/> whether the board changed; an unchanged board answers null. Logs
/// in capitals which switches are on at start and each one that goes on.
/// </summary>
public sealed partial class FaultSwitchRefresher(
    IServiceProvider services,
    FaultSwitches switches,
    IOptions<FaultSwitchOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<FaultSwitchRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);
    private bool _loaded;
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await Started(stoppingToken))
            return;
        var grains = services.GetRequiredService<IGrainFactory>();
        var switchboard = grains.GetGrain<IFaultSwitchboardGrain>(IFaultSwitchboardGrain.Key);
        var startup = services.GetService<FaultStartupSettings>();
        var pendingStartup = startup is { Settings.Count: > 0 };
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        do
        {
            try
            {
                if (pendingStartup)
                {
                    var applied = await switchboard.ApplyAsync(startup!.Settings).WaitAsync(CallTimeout, stoppingToken);
                    pendingStartup = false;
                    LogStartupApplied(logger, string.Join(", ", startup.Settings.Keys));
                    Take(applied);
                }
                var board = await switchboard.GetIfChangedAsync(_loaded ? switches.Current.Version : -1).WaitAsync(CallTimeout, stoppingToken);
                if (board is not null)
                    Take(board);
                else if (switches.ExpireDue())
                    LogExpired(logger, Upper(switches.ActiveNames()));
                if (_failing)
                    LogRecovered(logger);
                _failing = false;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (!_failing)
                    LogRefreshFailed(logger, ex);
                _failing = true;
                switches.ExpireDue();
            }
        }
        while (await Tick(timer, stoppingToken));
    }

    /// <summary>Applies a new board and says what changed; the first one says which switches are on at all.</summary>
    private void Take(FaultBoard board)
    {
        var before = switches.ActiveNames();
        if (!switches.Apply(board) && _loaded)
            return;
        var after = switches.ActiveNames();
        if (!_loaded)
        {
            _loaded = true;
            if (after.Count > 0)
                LogOnAtStart(logger, Upper(after));
            else
                LogNoneAtStart(logger);
            return;
        }
        foreach (var on in after.Except(before))
        {
            var s = switches.ActiveSetting(on)!;
            LogSwitchedOn(logger, on.ToUpperInvariant(), s.Probability, s.LatencyMs, s.ExpiresAt, s.Scope);
        }
        foreach (var off in before.Except(after))
            LogSwitchedOff(logger, off);
    }

    private async Task<bool> Started(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        try
        {
            await started.Task.WaitAsync(stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string Upper(IEnumerable<string> names) => string.Join(", ", names.Select(n => n.ToUpperInvariant()));

    [LoggerMessage(Level = LogLevel.Warning, Message = "FAULT SWITCHES ON: {Faults}. This node injects failures on purpose (GET /admin/faults; PUT /admin/faults/{{name}} with enabled=false turns one off).")]
    private static partial void LogOnAtStart(ILogger logger, string faults);

    [LoggerMessage(Level = LogLevel.Information, Message = "No fault switch is on.")]
    private static partial void LogNoneAtStart(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fault switches from configuration applied to the switchboard: {Faults}")]
    private static partial void LogStartupApplied(ILogger logger, string faults);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FAULT SWITCH ON: {Fault} (probability {Probability}, latency {LatencyMs} ms, until {ExpiresAt}, scope {Scope})")]
    private static partial void LogSwitchedOn(ILogger logger, string fault, double probability, int? latencyMs, DateTimeOffset? expiresAt, FaultScope? scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fault switch off: {Fault}")]
    private static partial void LogSwitchedOff(ILogger logger, string fault);

    [LoggerMessage(Level = LogLevel.Information, Message = "A fault switch's duration ran out; still on: {Faults}")]
    private static partial void LogExpired(ILogger logger, string faults);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the fault switches from the switchboard; keeping the last known state")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fault switches refresh again")]
    private static partial void LogRecovered(ILogger logger);
}
