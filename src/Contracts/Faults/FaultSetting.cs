namespace K8Shop.Contracts.Faults;

/// <summary>
/// One switch's state. <see cref="Probability"/> is the chance (0..1) that a call through an injection point is hit
/// while on; <see cref="LatencyMs"/> the delay of a latency fault; <see cref="DurationSeconds"/>, when set, turns the
/// switch off by itself at <see cref="ExpiresAt"/>. <see cref="EnabledAt"/> and <see cref="ExpiresAt"/> are stamped by
/// the switchboard when the switch is turned on.
/// </summary>
[GenerateSerializer, Immutable, Alias("k8shop.faults.FaultSetting")]
public sealed record FaultSetting(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] double Probability = 1,
    [property: Id(2)] int? LatencyMs = null,
    [property: Id(3)] int? DurationSeconds = null,
    [property: Id(4)] FaultScope? Scope = null,
    [property: Id(5)] DateTimeOffset? EnabledAt = null,
    [property: Id(6)] DateTimeOffset? ExpiresAt = null)
{
    public static FaultSetting Off { get; } = new(Enabled: false);

    /// <summary>On, and not yet past <see cref="ExpiresAt"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => Enabled && (ExpiresAt is not { } expires || now < expires);
}
