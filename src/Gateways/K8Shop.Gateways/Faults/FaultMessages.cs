using System.ComponentModel;
using K8Shop.Contracts.Faults;

namespace K8Shop.Gateways.Faults;

/// <summary>Sets one fault switch: <c>{"enabled": true, "probability": 0.5, "latencyMs": 200, "durationSeconds": 60, "scope": {"sku": "BOOK-001"}}</c>.</summary>
/// Only <c>enabled</c> is required; a parameter left out takes the fault's default (probability 1, its latency, no duration, no scope).
public sealed record FaultRequest
{
    [Description("Turns the switch on (true) or off (false).")]
    public bool? Enabled { get; init; }

    [Description("Share of calls hit while on, 0 to 1 (default 1).")]
    public double? Probability { get; init; }

    [Description("Delay of a latency fault, in milliseconds (default: the fault's own).")]
    public int? LatencyMs { get; init; }

    [Description("Turns the switch off by itself after this many seconds.")]
    public int? DurationSeconds { get; init; }

    public FaultScopeMessage? Scope { get; init; }
}

/// <summary>Narrows a fault to a SKU, a user and/or a silo or gateway instance; each field optional.</summary>
public sealed record FaultScopeMessage
{
    public string? Sku { get; init; }

    public string? User { get; init; }

    [Description("A silo's or gateway's instance name (the pod name on Kubernetes).")]
    public string? Silo { get; init; }

    public static FaultScopeMessage? From(FaultScope? scope) => scope is null ? null : new() { Sku = scope.Sku, User = scope.User, Silo = scope.Silo };
}

/// <summary>One switch: what it breaks and its state. <c>kind</c> is <c>error</c>, <c>latency</c> or <c>outcome</c>.</summary>
public sealed record FaultResponse(
    string Name,
    string Description,
    [property: Description("error, latency or outcome")] string Kind,
    bool Enabled,
    double Probability,
    int? LatencyMs,
    int? DurationSeconds,
    FaultScopeMessage? Scope,
    DateTimeOffset? EnabledAt,
    DateTimeOffset? ExpiresAt)
{
    public static FaultResponse From(FaultDefinition definition, FaultSetting setting) => new(
        definition.Name,
        definition.Description,
        definition.Kind.ToString().ToLowerInvariant(),
        setting.Enabled,
        setting.Probability,
        setting.LatencyMs ?? definition.DefaultLatencyMs,
        setting.DurationSeconds,
        FaultScopeMessage.From(setting.Scope),
        setting.EnabledAt,
        setting.ExpiresAt);
}

/// <summary>Every switch, in catalog order, and whether any is on.</summary>
public sealed record FaultsResponse(bool AnyActive, IReadOnlyList<FaultResponse> Faults);
