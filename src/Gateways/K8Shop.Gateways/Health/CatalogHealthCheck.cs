using K8Shop.Contracts.Catalog;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace K8Shop.Gateways.Health;

/// <summary>Readiness: the silo answers and the catalog's store behind it answers.</summary>
public sealed class CatalogHealthCheck(IGrainFactory grains, ClusterStartGate gate) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!gate.IsOpen)
            return HealthCheckResult.Unhealthy("not connected to the cluster yet");
        try
        {
            var health = await grains.GetGrain<ICatalogGrain>(0).CheckHealthAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return health.Ok
                ? HealthCheckResult.Healthy($"catalog store '{health.Backend}' answers")
                : HealthCheckResult.Unhealthy($"catalog store '{health.Backend}' is down: {health.Error}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the silo did not answer the catalog health check", ex);
        }
    }
}
