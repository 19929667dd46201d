using K8Shop.ServiceDefaults.Logging;
using K8Shop.ServiceDefaults.Management;
using K8Shop.ServiceDefaults.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace K8Shop.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// What every K8Shop host shares: logs with trace ids (JSON with <c>Logging:Console:FormatterName=json</c>),
    /// OpenTelemetry traces and metrics configured by the standard <c>OTEL_*</c> variables, and the management port
    /// (<c>Management:Urls</c>) serving Prometheus' <c>/metrics</c>. Host-specific sources and meters (Npgsql, Redis,
    /// RabbitMQ, MailKit) are added by the host with <c>ConfigureOpenTelemetryTracerProvider</c>.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, string serviceName, ServiceDefaultsOptions? defaults = null)
        where TBuilder : IHostApplicationBuilder
    {
        var settings = TelemetrySettings.From(builder.Configuration, serviceName, defaults ?? ServiceDefaultsOptions.Cluster);
        builder.Services.AddSingleton(settings);
        builder.AddLogDefaults(settings);
        builder.AddK8ShopTelemetry(settings);
        builder.AddManagementPort(settings);
        builder.Services.AddHostedService<TelemetryStartupReport>();
        return builder;
    }
}
