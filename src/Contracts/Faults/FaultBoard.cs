namespace K8Shop.Contracts.Faults;

/// <summary>
/// Every switch's setting at one <see cref="Version"/> of the switchboard; the version grows with each change, so a
/// node that already holds it need not be sent it again.
/// </summary>
[GenerateSerializer, Immutable, Alias("k8shop.faults.FaultBoard")]
public sealed record FaultBoard(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyDictionary<string, FaultSetting> Settings)
{
    public static FaultBoard Empty { get; } = new(0, new Dictionary<string, FaultSetting>());

    /// <summary>The stored setting, or the catalog's default (off) for a switch never set.</summary>
    public FaultSetting this[string name] =>
        Settings.TryGetValue(name, out var setting) ? setting : FaultSettingRules.Default(FaultCatalog.Get(name));
}
