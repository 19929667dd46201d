using K8Shop.Contracts.Faults;

namespace K8Shop.Gateways.Faults;

/// <summary>Sets one fault switch: <c>{"enabled": true, "probability": 0.5, "latencyMs": 200, "durationSeconds": 60, "scope": {"sku": "BOOK-001"}}</c>.</summary>
public sealed record FaultRequest(bool? Enabled, double? Probability, int? LatencyMs, int? DurationSeconds, FaultScopeMessage? Scope);

/// <summary>Narrows a fault to a SKU, a user and/or a silo or gateway instance; each field optional.</summary>
public sealed record FaultScopeMessage(string? Sku, string? User, string? Silo)
{
    public static FaultScopeMessage? From(FaultScope? scope) => scope is null ? null : new(scope.Sku, scope.User, scope.Silo);
}

/// <summary>One switch: what it breaks and its state. <c>kind</c> is <c>error</c>, <c>latency</c> or <c>outcome</c>.</summary>
public sealed record FaultResponse(
    string Name,
    string Description,
    string Kind,
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
