using K8Shop.Contracts.Faults;
using Microsoft.Extensions.Configuration;
using Microsoft.FeatureManagement;
using System.Globalization;

namespace K8Shop.Faults.Features;

/// <summary>
/// Turns a switch's setting into a feature flag definition: on only while enabled, filtered by its scope
/// (<see cref="FaultScopeFilter"/>) and, with a duration, until <see cref="FaultSetting.ExpiresAt"/>
/// (<see cref="FaultExpiryFilter"/>); all filters must pass.
/// </summary>
public static class FaultFeatureDefinitions
{
    public static FeatureDefinition From(string name, FaultSetting setting)
    {
        if (!setting.Enabled)
            return new FeatureDefinition { Name = name, EnabledFor = [] };
        var filters = new List<FeatureFilterConfiguration>
        {
            new()
            {
                Name = FaultScopeFilter.Alias,
                Parameters = Parameters(
                    (nameof(FaultScope.Sku), setting.Scope?.Sku),
                    (nameof(FaultScope.User), setting.Scope?.User),
                    (nameof(FaultScope.Silo), setting.Scope?.Silo)),
            },
        };
        if (setting.ExpiresAt is { } expires)
        {
            filters.Add(new FeatureFilterConfiguration
            {
                Name = FaultExpiryFilter.Alias,
                Parameters = Parameters((FaultExpiryFilter.ExpiresAt, expires.ToString("O", CultureInfo.InvariantCulture))),
            });
        }
        return new FeatureDefinition { Name = name, EnabledFor = filters, RequirementType = RequirementType.All };
    }

    private static IConfiguration Parameters(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Where(v => v.Value is not null).Select(v => KeyValuePair.Create(v.Key, v.Value)))
            .Build();
}
