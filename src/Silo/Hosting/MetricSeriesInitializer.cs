using K8Shop.Grains.Notifications;
using K8Shop.Grains.Orders;

namespace K8Shop.Silo.Hosting;

/// <summary>
/// Starts the counters alerts watch at zero once the meter provider listens: Prometheus' increase() and rate() ignore
/// the first sample of a new series, so a counter first seen at 1 would hide the first failure from an alert.
/// </summary>
public sealed class MetricSeriesInitializer : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        OrderTelemetry.Initialize();
        NotificationTelemetry.Initialize();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
