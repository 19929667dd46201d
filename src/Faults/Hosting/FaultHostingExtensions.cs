using K8Shop.Faults.Features;
using K8Shop.Faults.Injection;
using K8Shop.Faults.Refresh;
using K8Shop.Faults.Switches;
using K8Shop.Faults.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace K8Shop.Faults.Hosting;

public static class FaultHostingExtensions
{
    /// <summary>
    /// The node-local fault switches and <see cref="IFaultInjector"/> (idempotent: the embedded host calls it for the
    /// silo and the gateway). <paramref name="nodeName"/> names this node for <c>scope.silo</c> (the silo passes its
    /// silo name); <c>FaultSwitches:Instance</c> overrides it.
    /// </summary>
    public static IServiceCollection AddK8ShopFaultSwitches(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string>? nodeName = null)
    {
        services.AddOptions<FaultSwitchOptions>()
            .Bind(configuration.GetSection(FaultSwitchOptions.SectionName))
            .Validate(o => o.RefreshInterval > TimeSpan.Zero && o.RefreshInterval <= TimeSpan.FromMinutes(1), "FaultSwitches:RefreshInterval must be above 0 and at most 00:01:00.")
            .ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(FaultSwitches)))
            return services;
        services.AddMetrics();
        services.AddSingleton(sp => new FaultNode(
            configuration[$"{FaultSwitchOptions.SectionName}:{nameof(FaultSwitchOptions.Instance)}"] is { Length: > 0 } configured ? configured
            : nodeName?.Invoke(sp) ?? Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.MachineName));
        services.AddSingleton<FaultSwitches>();
        services.AddSingleton<FaultFeatures>();
        services.AddSingleton<FaultTelemetry>();
        services.AddSingleton<IFaultInjector, FaultInjector>();
        // Every node follows the switchboard; needs an IGrainFactory (silo or client) by the time the host has started.
        services.AddHostedService<FaultSwitchRefresher>();
        return services;
    }

    /// <summary>
    /// Switches from configuration (section <c>Faults</c>), checked now and applied to the switchboard once the silo is
    /// up. Silos only: a gateway follows what the silos applied.
    /// </summary>
    public static IServiceCollection AddK8ShopFaultStartupSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(FaultStartupSettings.Read(configuration));
        return services;
    }
}
