using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace K8Shop.Gateways.Health;

/// <summary>
/// Readiness: a silo answers a cheap call (the membership view of Orleans' management grain, no datastore behind it)
/// within a short timeout. On the standalone gateway this is false until the Orleans client has connected and again
/// while no silo can be reached.
/// </summary>
public sealed class ClusterHealthCheck(IGrainFactory grains, ClusterStartGate gate) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!gate.IsOpen)
            return HealthCheckResult.Unhealthy("not connected to the cluster yet");
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy($"{hosts.Count} active silo(s)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("no silo answered", ex);
        }
    }
}
