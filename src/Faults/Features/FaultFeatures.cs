using K8Shop.Contracts.Faults;
using K8Shop.Faults.Switches;
using Microsoft.Extensions.Logging;
using Microsoft.FeatureManagement;

namespace K8Shop.Faults.Features;

/// <summary>
/// Whether a switch is on for one call (its scope and duration included), evaluated by a feature manager of its
/// own over <see cref="FaultFeatureDefinitionProvider"/>, so the application's other feature flags (if any) are not
/// touched. Switches that are off never reach the feature manager: a frozen-dictionary lookup answers first.
/// </summary>
public sealed class FaultFeatures
{
    private readonly FaultSwitches switches;
    private readonly FeatureManager manager;

    public FaultFeatures(FaultSwitches switches, TimeProvider time, ILoggerFactory loggers)
    {
        this.switches = switches;
        manager = new FeatureManager(new FaultFeatureDefinitionProvider(switches), new FeatureManagementOptions { IgnoreMissingFeatures = true })
        {
            FeatureFilters = [new FaultScopeFilter(switches.Node), new FaultExpiryFilter(time)],
            Logger = loggers.CreateLogger<FeatureManager>(),
        };
    }

    public ValueTask<bool> IsEnabledAsync(string fault, FaultScope call, CancellationToken cancellationToken = default) =>
        switches.IsOn(fault)
            ? manager.IsEnabledAsync(fault, call, cancellationToken)
            : ValueTask.FromResult(false);
}
