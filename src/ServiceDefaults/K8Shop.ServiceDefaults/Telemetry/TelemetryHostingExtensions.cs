using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace K8Shop.ServiceDefaults.Telemetry;

public static class TelemetryHostingExtensions
{
    /// <summary>
    /// Orleans' own activity sources: placement, activation and whatever else the runtime records. Grain calls are ours
    /// (<see cref="GrainCallTracing"/>). Not <c>Microsoft.Orleans.Storage</c>: its span per state read or write only wraps
    /// the datastore's own (the PostgreSQL statement, the Redis command, the DynamoDB request), which is recorded under
    /// the grain call that caused it, so each storage operation is one span.
    /// </summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>Every source and meter of ours: a new one needs no registration.</summary>
    public const string OurSources = "K8Shop.*";

    /// <summary>
    /// Tracing when an exporter is configured (or <c>Telemetry:Tracing=true</c>, for tests adding their own
    /// exporter); metrics when anything reads them (OTLP, the management port, <c>Telemetry:Metrics=true</c>).
    /// The sampler comes from <c>OTEL_TRACES_SAMPLER</c>/<c>_ARG</c> (the SDK's default, parentbased_always_on), with
    /// Orleans' background roots thinned (<see cref="BackgroundWorkSampler"/>).
    /// </summary>
    public static IHostApplicationBuilder AddK8ShopTelemetry(this IHostApplicationBuilder builder, TelemetrySettings settings)
    {
        if (settings.Disabled || (!settings.Tracing && !settings.Metrics))
            return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME wins over the built-in name; OTEL_RESOURCE_ATTRIBUTES is read by the SDK.
                if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
                    resource.AddService(settings.ServiceName, serviceInstanceId: Environment.MachineName + "/" + Environment.ProcessId);
            });

        if (settings.Tracing)
        {
            var sampler = BackgroundWorkSampler.From(builder.Configuration);
            telemetry.WithTracing(tracing => tracing
                .SetSampler(sampler)
                .AddSource(OrleansSources)
                .AddSource(OurSources)
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = context => !IsProbe(context.Request.Path);
                    options.RecordException = true;
                })
                .AddHttpClientInstrumentation(options =>
                {
                    options.RecordException = true;
                    // A call a client span of ours already records (a DynamoDB request, whose transport is HTTP) is
                    // not recorded a second time as the bare POST underneath.
                    options.FilterHttpRequestMessage = _ => Activity.Current is not { Kind: ActivityKind.Client };
                })
                .AddGrpcClientInstrumentation());
        }

        if (settings.Metrics)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics
                    .AddMeter("Microsoft.Orleans")
                    .AddMeter(OurSources)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddProcessInstrumentation();
                if (settings.ManagementUrls.Count > 0)
                    metrics.AddPrometheusExporter();
            });
        }

        if (settings.OtlpEndpoint is not null)
        {
            if (settings.OtlpFromEnvironment)
                telemetry.UseOtlpExporter(); // endpoint, protocol, headers and timeouts from OTEL_EXPORTER_OTLP_*
            else
                telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, settings.OtlpEndpoint);
        }
        return builder;
    }

    private static bool IsProbe(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/metrics");
}
