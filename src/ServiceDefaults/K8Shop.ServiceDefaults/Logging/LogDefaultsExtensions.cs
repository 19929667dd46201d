using K8Shop.ServiceDefaults.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace K8Shop.ServiceDefaults.Logging;

public static class LogDefaultsExtensions
{
    /// <summary>
    /// Every log carries the current trace and span ids (as a scope: the JSON console prints scopes), and goes to the
    /// OTLP endpoint when one is configured. <c>Logging:Console:FormatterName=json</c> (set on Kubernetes) turns on
    /// one JSON object per line.
    /// </summary>
    public static IHostApplicationBuilder AddLogDefaults(this IHostApplicationBuilder builder, TelemetrySettings settings)
    {
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat ??= "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
        });
        if (settings.OtlpEndpoint is not null)
        {
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            });
        }
        return builder;
    }
}
