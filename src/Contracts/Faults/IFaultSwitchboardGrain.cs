using Orleans.Concurrency;

namespace K8Shop.Contracts.Faults;

/// <summary>
/// The cluster's one switchboard (key <see cref="Key"/>): the setting of every fault switch, persisted, with a version.
/// Every silo and gateway polls it about once a second and applies what changed to its node-local switches.
/// </summary>
public interface IFaultSwitchboardGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>Every switch, with expired ones already turned off.</summary>
    [ReadOnly]
    Task<FaultBoard> GetAsync();

    /// <summary>The board if its version differs from <paramref name="knownVersion"/>, else null (the cheap poll).</summary>
    [ReadOnly]
    Task<FaultBoard?> GetIfChangedAsync(long knownVersion);

    /// <summary>Validates, stamps and persists one switch's setting; returns the stored setting.</summary>
    Task<FaultSetting> SetAsync(string name, FaultSetting setting);

    /// <summary>Applies settings from a node's configuration at its start (each as <see cref="SetAsync"/>).</summary>
    Task<FaultBoard> ApplyAsync(IReadOnlyDictionary<string, FaultSetting> settings);
}
