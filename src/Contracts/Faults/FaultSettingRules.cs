namespace K8Shop.Contracts.Faults;

/// <summary>
/// Checks a requested setting and fills in what the caller left out: the gateway checks before calling the
/// switchboard (400 with the field), the switchboard checks again before it stores anything.
/// </summary>
public static class FaultSettingRules
{
    public const int MaxLatencyMs = 120_000;
    public const int MaxDurationSeconds = 7 * 24 * 3600;
    public const int MaxScopeLength = 200;

    /// <summary>Throws <see cref="FaultSettingException"/> naming the first bad field (wire names: <c>probability</c>, <c>scope.sku</c>, ...).</summary>
    public static void Validate(FaultSetting setting)
    {
        if (double.IsNaN(setting.Probability) || setting.Probability is < 0 or > 1)
            throw new FaultSettingException("probability", "must be from 0 to 1");
        if (setting.LatencyMs is < 0 or > MaxLatencyMs)
            throw new FaultSettingException("latencyMs", $"must be from 0 to {MaxLatencyMs}");
        if (setting.DurationSeconds is < 1 or > MaxDurationSeconds)
            throw new FaultSettingException("durationSeconds", $"must be from 1 to {MaxDurationSeconds}");
        if (setting.Scope is { } scope)
        {
            CheckScope("scope.sku", scope.Sku);
            CheckScope("scope.user", scope.User);
            CheckScope("scope.silo", scope.Silo);
        }
    }

    /// <summary>
    /// The setting to store: validated, defaults from the catalog filled in, an empty scope dropped, and the switch
    /// stamped with <see cref="FaultSetting.EnabledAt"/>/<see cref="FaultSetting.ExpiresAt"/> when on (cleared when off).
    /// </summary>
    public static FaultSetting Normalize(FaultDefinition definition, FaultSetting requested, DateTimeOffset now)
    {
        Validate(requested);
        var scope = requested.Scope is { IsEmpty: false } s ? s : null;
        var latency = requested.LatencyMs ?? definition.DefaultLatencyMs;
        if (!requested.Enabled)
            return requested with { Scope = scope, LatencyMs = latency, EnabledAt = null, ExpiresAt = null };
        return requested with
        {
            Scope = scope,
            LatencyMs = latency,
            EnabledAt = now,
            ExpiresAt = requested.DurationSeconds is { } seconds ? now.AddSeconds(seconds) : null,
        };
    }

    /// <summary>The catalog's setting of a switch nobody has touched: off, with its default parameters.</summary>
    public static FaultSetting Default(FaultDefinition definition) =>
        new(Enabled: false, Probability: definition.DefaultProbability, LatencyMs: definition.DefaultLatencyMs);

    private static void CheckScope(string field, string? value)
    {
        if (value is null)
            return;
        if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
            throw new FaultSettingException(field, "must not be blank (leave it out to match everything)");
        if (value.Length > MaxScopeLength)
            throw new FaultSettingException(field, $"must be at most {MaxScopeLength} characters");
    }
}
