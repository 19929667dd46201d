namespace K8Shop.Contracts.Faults;

/// <summary>What a fault does when it fires.</summary>
public enum FaultKind
{
    /// <summary>The guarded call throws (an exception the injection point chooses).</summary>
    Error,

    /// <summary>The guarded call is delayed by <see cref="FaultSetting.LatencyMs"/>.</summary>
    Latency,

    /// <summary>The injection point takes another branch (a decline, a 503, a crash) when told the fault fired.</summary>
    Outcome,
}
