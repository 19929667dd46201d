using System.Text.Json.Serialization;

namespace K8Shop.LoadGen.Faults;

/// <summary><c>GET /admin/faults</c>: every switch the gateway knows and whether any is on.</summary>
public sealed record FaultList(bool AnyActive, IReadOnlyList<FaultState> Faults);

/// <summary>One switch as the gateway reports it; Kind is error, latency or outcome.</summary>
public sealed record FaultState(
    string Name,
    string? Description,
    string? Kind,
    bool Enabled,
    double? Probability,
    int? LatencyMs,
    int? DurationSeconds,
    FaultScope? Scope,
    DateTimeOffset? EnabledAt,
    DateTimeOffset? ExpiresAt);

public sealed record FaultScope(string? Sku, string? User, string? Silo);

/// <summary><c>PUT /admin/faults/{name}</c>'s body; null fields are left out.</summary>
public sealed record FaultSetting(bool Enabled, double? Probability = null, int? LatencyMs = null, int? DurationSeconds = null);

/// <summary>The fault API's camelCase JSON (the gateway's own convention, unlike the inventory contract's snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FaultList))]
[JsonSerializable(typeof(FaultState))]
[JsonSerializable(typeof(FaultSetting))]
public sealed partial class FaultJsonContext : JsonSerializerContext;
