using K8Shop.Faults.Switches;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace K8Shop.Gateways.Health;

/// <summary>
/// Degraded, naming them, while any fault switch is on on this node: failures are being injected on purpose.
/// Degraded still answers 200, so readiness (and the load balancer) are not affected.
/// </summary>
public sealed class FaultsHealthCheck(FaultSwitches switches) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var active = switches.ActiveNames();
        return Task.FromResult(active.Count == 0
            ? HealthCheckResult.Healthy("no fault switch is on")
            : HealthCheckResult.Degraded(
                $"FAULT SWITCHES ON: {string.Join(", ", active)}",
                data: new Dictionary<string, object> { ["faults"] = active }));
    }
}
