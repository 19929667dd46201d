using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace K8Shop.ServiceDefaults.Telemetry;

/// <summary>Says once at start where this process's telemetry goes, so "why is my dashboard empty" has an answer in the log.</summary>
public sealed partial class TelemetryStartupReport(TelemetrySettings settings, ILogger<TelemetryStartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Disabled)
            LogDisabled(settings.ServiceName);
        else
            LogTelemetry(
                settings.ServiceName,
                settings.Tracing ? "on" : "off",
                settings.OtlpEndpoint?.ToString() ?? "none",
                settings.ManagementUrls.Count == 0 ? "none" : string.Join(", ", settings.ManagementUrls.Select(u => u.GetLeftPart(UriPartial.Authority) + "/metrics")));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Telemetry for {ServiceName}: off (OTEL_SDK_DISABLED=true)")]
    private partial void LogDisabled(string serviceName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telemetry for {ServiceName}: tracing {Tracing}, OTLP export to {Otlp}, Prometheus scrape at {Metrics}")]
    private partial void LogTelemetry(string serviceName, string tracing, string otlp, string metrics);
}
