using K8Shop.Contracts.Faults;
using Microsoft.Extensions.Configuration;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace K8Shop.Faults.Features;

/// <summary>
/// Turns a switch's setting into a feature flag definition: on only while enabled, filtered by its scope
/// (<see cref="FaultScopeFilter"/>) and, with a duration, by Microsoft.FeatureManagement's own time window (ending at
/// <see cref="FaultSetting.ExpiresAt"/>); all filters must pass.
/// </summary>
public static class FaultFeatureDefinitions
{
    private const string TimeWindowAlias = "Microsoft.TimeWindow";

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
                Name = TimeWindowAlias,
                Parameters = Parameters((nameof(TimeWindowFilterSettings.End), expires.ToString("O"))),
            });
        }
        return new FeatureDefinition { Name = name, EnabledFor = filters, RequirementType = RequirementType.All };
    }

    private static IConfiguration Parameters(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Where(v => v.Value is not null).Select(v => KeyValuePair.Create(v.Key, v.Value)))
            .Build();
}
