using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using K8Shop.Contracts.Faults;
using K8Shop.Faults.Switches;
using Microsoft.FeatureManagement;

namespace K8Shop.Faults.Features;

/// <summary>
/// Feeds Microsoft.FeatureManagement from the node-local <see cref="FaultSwitches"/> instead of configuration: one
/// feature per fault, rebuilt only when the snapshot changes (definitions are cached per snapshot).
/// </summary>
public sealed class FaultFeatureDefinitionProvider(FaultSwitches switches) : IFeatureDefinitionProvider
{
    private readonly ConditionalWeakTable<FaultSnapshot, ConcurrentDictionary<string, FeatureDefinition>> cache = [];

    public Task<FeatureDefinition> GetFeatureDefinitionAsync(string featureName) =>
        Task.FromResult(Definition(switches.Current, featureName));

    public async IAsyncEnumerable<FeatureDefinition> GetAllFeatureDefinitionsAsync()
    {
        var snapshot = switches.Current;
        foreach (var fault in FaultCatalog.All)
            yield return Definition(snapshot, fault.Name);
        await Task.CompletedTask;
    }

    private FeatureDefinition Definition(FaultSnapshot snapshot, string name) =>
        cache.GetValue(snapshot, _ => new ConcurrentDictionary<string, FeatureDefinition>(StringComparer.Ordinal))
            .GetOrAdd(name, static (n, s) => FaultFeatureDefinitions.From(n, s.Board.Settings.GetValueOrDefault(n) ?? FaultSetting.Off), snapshot);
}
