using K8Shop.Contracts.Faults;

namespace K8Shop.Grains.Faults;

/// <summary>The switchboard as stored: each switch ever set, and the version of the last change.</summary>
[GenerateSerializer, Alias("k8shop.faults.FaultSwitchboardState")]
public sealed class FaultSwitchboardState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public Dictionary<string, FaultSetting> Settings { get; set; } = new(StringComparer.Ordinal);
}
