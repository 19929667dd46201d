using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace K8Shop.ServiceDefaults.Telemetry;

/// <summary>
/// What telemetry a process turns on, decided once at start from configuration (the standard <c>OTEL_*</c>
/// variables, <c>Management:Urls</c>, <c>Telemetry:*</c>). With nothing configured nothing listens: no tracer
/// provider, no meter provider, so instrumented code pays only a null check.
/// </summary>
public sealed record TelemetrySettings(
    string ServiceName,
    bool Disabled,
    Uri? OtlpEndpoint,
    bool OtlpFromEnvironment,
    IReadOnlyList<Uri> ManagementUrls,
    bool Tracing,
    bool Metrics)
{
    public const string LocalDashboardOtlp = "http://127.0.0.1:4317";

    /// <summary>Reads the settings; <paramref name="defaults"/> says what this host does when a key is absent.</summary>
    public static TelemetrySettings From(IConfiguration configuration, string serviceName, ServiceDefaultsOptions defaults)
    {
        var disabled = configuration.GetValue("OTEL_SDK_DISABLED", false);
        var management = ManagementUrlsFrom(configuration, defaults, disabled);
        if (disabled)
            return new(serviceName, true, null, false, management, false, false);

        var configured = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        Uri? otlp = null;
        var fromEnvironment = false;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            otlp = new Uri(configured, UriKind.Absolute);
            fromEnvironment = true;
        }
        else if (defaults.ExportToLocalDashboard && configuration.GetValue("Telemetry:LocalDashboard", true) && Answers(new Uri(LocalDashboardOtlp)))
        {
            otlp = new Uri(LocalDashboardOtlp);
        }

        var tracing = otlp is not null || configuration.GetValue("Telemetry:Tracing", false);
        var metrics = otlp is not null || management.Count > 0 || configuration.GetValue("Telemetry:Metrics", false);
        return new(serviceName, false, otlp, fromEnvironment, management, tracing, metrics);
    }

    /// <summary>
    /// <c>Management:Urls</c> (semicolon separated; empty turns the port off). Absent: the host's default, dropped
    /// with a warning at start when its port is taken (a second embedded process on one machine still starts).
    /// </summary>
    private static IReadOnlyList<Uri> ManagementUrlsFrom(IConfiguration configuration, ServiceDefaultsOptions defaults, bool disabled)
    {
        var section = configuration.GetSection("Management:Urls");
        var explicitlySet = section.Value is not null;
        var raw = explicitlySet ? section.Value! : defaults.DefaultManagementUrls ?? "";
        var urls = new List<Uri>();
        foreach (var part in raw.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(part, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || url.Port <= 0)
                throw new InvalidOperationException($"Management:Urls: '{part}' is not an http URL with an explicit port (e.g. http://0.0.0.0:9464)");
            urls.Add(url);
        }
        if (disabled && !explicitlySet)
            return [];
        if (!explicitlySet)
            urls.RemoveAll(url => !PortFree(url));
        return urls;
    }

    /// <summary>The settings <c>AddServiceDefaults</c> registered (hosts use them to add what only they have).</summary>
    public static TelemetrySettings Of(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        services.LastOrDefault(d => d.ServiceType == typeof(TelemetrySettings))?.ImplementationInstance as TelemetrySettings
        ?? throw new InvalidOperationException("AddServiceDefaults must run before the host's own telemetry is added.");

    private static bool Answers(Uri endpoint)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(endpoint.Host, endpoint.Port).Wait(TimeSpan.FromMilliseconds(300)) && client.Connected;
        }
        catch (Exception ex) when (ex is SocketException or AggregateException)
        {
            return false;
        }
    }

    private static bool PortFree(Uri url)
    {
        try
        {
            var address = url.Host is "localhost" or "*" or "+" ? System.Net.IPAddress.Loopback : System.Net.IPAddress.Parse(url.Host);
            var listener = new TcpListener(address, url.Port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
