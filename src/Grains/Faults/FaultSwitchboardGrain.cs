using K8Shop.Contracts.Faults;
using Microsoft.Extensions.Logging;

namespace K8Shop.Grains.Faults;

/// <summary>
/// The cluster's fault switches (one activation, key 0). Changes are validated, stamped and persisted before the
/// answer; each gets a new version, taken from the clock in milliseconds (or the last one plus one), so a node
/// holding an older board always sees a different number, even if the store was reset. An expired switch is shown
/// off, as every node already treats it; no write is needed for that.
/// </summary>
public sealed partial class FaultSwitchboardGrain(
    [PersistentState("switchboard", FaultStorage.Name)] IPersistentState<FaultSwitchboardState> state,
    TimeProvider clock,
    ILogger<FaultSwitchboardGrain> logger) : Grain, IFaultSwitchboardGrain
{
    private FaultBoard? _board;

    public Task<FaultBoard> GetAsync() => Task.FromResult(Board());

    public Task<FaultBoard?> GetIfChangedAsync(long knownVersion) =>
        Task.FromResult(state.State.Version == knownVersion ? null : Board());

    public async Task<FaultSetting> SetAsync(string name, FaultSetting setting)
    {
        var definition = FaultCatalog.Get(name);
        var stored = FaultSettingRules.Normalize(definition, setting, clock.GetUtcNow());
        state.State.Settings[name] = stored;
        await SaveAsync();
        LogSet(logger, name, stored.Enabled, stored.Probability, stored.LatencyMs, stored.ExpiresAt, stored.Scope);
        return Shown(stored);
    }

    public async Task<FaultBoard> ApplyAsync(IReadOnlyDictionary<string, FaultSetting> settings)
    {
        var now = clock.GetUtcNow();
        var changed = false;
        foreach (var (name, requested) in settings)
        {
            var definition = FaultCatalog.Get(name);
            // Every silo applies its configuration at start: one already applied (and still in force) is not restamped.
            if (state.State.Settings.TryGetValue(name, out var current) && SameRequest(current, requested, definition) && current.IsActiveAt(now) == requested.Enabled)
                continue;
            state.State.Settings[name] = FaultSettingRules.Normalize(definition, requested, now);
            changed = true;
        }
        if (changed)
            await SaveAsync();
        return Board();
    }

    private async Task SaveAsync()
    {
        state.State.Version = Math.Max(state.State.Version + 1, clock.GetUtcNow().ToUnixTimeMilliseconds());
        _board = null;
        await state.WriteStateAsync();
    }

    private FaultBoard Board()
    {
        var now = clock.GetUtcNow();
        if (_board is { } cached && !cached.Settings.Values.Any(s => s.Enabled && !s.IsActiveAt(now)))
            return cached;
        return _board = new FaultBoard(state.State.Version, state.State.Settings.ToDictionary(s => s.Key, s => Shown(s.Value, now), StringComparer.Ordinal));
    }

    private FaultSetting Shown(FaultSetting setting) => Shown(setting, clock.GetUtcNow());

    private static FaultSetting Shown(FaultSetting setting, DateTimeOffset now) =>
        setting.Enabled && !setting.IsActiveAt(now) ? setting with { Enabled = false } : setting;

    private static bool SameRequest(FaultSetting stored, FaultSetting requested, FaultDefinition definition) =>
        stored.Enabled == requested.Enabled
        && stored.Probability.Equals(requested.Probability)
        && stored.LatencyMs == (requested.LatencyMs ?? definition.DefaultLatencyMs)
        && stored.DurationSeconds == requested.DurationSeconds
        && Equals(stored.Scope, requested.Scope is { IsEmpty: false } scope ? scope : null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fault switch {Fault} set: enabled {Enabled}, probability {Probability}, latency {LatencyMs} ms, expires {ExpiresAt}, scope {Scope}")]
    private static partial void LogSet(ILogger logger, string fault, bool enabled, double probability, int? latencyMs, DateTimeOffset? expiresAt, FaultScope? scope);
}
