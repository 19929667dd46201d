using K8Shop.ServiceDefaults;
using K8Shop.ServiceDefaults.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace K8Shop.Silo.Hosting;

public static class SiloTelemetryHostingExtensions
{
    public const string ServiceName = "k8shop-silo";

    /// <summary>The datastore and broker sources only a silo has (the gateway carries none of their drivers).</summary>
    public static readonly string[] SiloSources =
        ["Npgsql", "RabbitMQ.Client.Publisher", "RabbitMQ.Client.Subscriber", "MailKit.Net.SmtpClient"];

    /// <summary>
    /// The service defaults as <c>k8shop-silo</c> (embedded: management on 127.0.0.1:9464 and export to the local
    /// dashboard when it answers), plus the silo's own instrumentation: PostgreSQL (Npgsql's activity source), Redis,
    /// RabbitMQ.Client's publisher and subscriber sources, MailKit's SMTP client. DynamoDB spans come from our
    /// storage provider (<c>K8Shop.DynamoDB</c>): the AWS SDK's own telemetry is a no-op without a package we lack.
    /// </summary>
    public static WebApplicationBuilder AddK8ShopSiloTelemetry(this WebApplicationBuilder builder)
    {
        var profile = K8ShopOptions.From(builder.Configuration);
        builder.AddServiceDefaults(ServiceName, profile.IsCluster ? ServiceDefaultsOptions.Cluster : ServiceDefaultsOptions.Embedded);
        var settings = TelemetrySettings.Of(builder.Services);
        if (settings.Tracing)
        {
            MailKit.Telemetry.SmtpClient.Configure();
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
                .AddSource(SiloSources)
                .AddRedisInstrumentation());
        }
        if (settings.Metrics)
        {
            builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter("Npgsql", "MailKit.Net.SmtpClient"));
            builder.Services.AddHostedService<MetricSeriesInitializer>();
        }
        return builder;
    }
}
