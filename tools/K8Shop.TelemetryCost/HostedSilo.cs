using System.Globalization;
using System.Net;
using System.Net.Sockets;
using K8Shop.ServiceDefaults.Telemetry;
using K8Shop.Silo.Hosting;

namespace K8Shop.TelemetryCost;

/// <summary>
/// The real silo application (silo, gateway, identity provider) started in this process on free loopback ports and
/// an Orleans cluster of its own, with the run's common settings and one variant's telemetry settings on top.
/// </summary>
public sealed class HostedSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    public Uri BaseAddress { get; }

    /// <summary>What the silo's telemetry turned on, as it decided at start.</summary>
    public TelemetrySettings Telemetry { get; }

    private HostedSilo(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Telemetry = app.Services.GetRequiredService<TelemetrySettings>();
    }

    /// <summary>
    /// Starts on free ports. A port found free can be taken by another socket before the silo binds it (the previous
    /// phase's connections are closing), so a start that finds its port taken tries again on new ones.
    /// </summary>
    public static async Task<HostedSilo> StartAsync(
        string contentRoot, IReadOnlyDictionary<string, string?> common, TelemetryVariant variant, string clusterId)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnFreePortsAsync(contentRoot, common, variant, $"{clusterId}-{attempt}");
            }
            catch (IOException ex) when (attempt < 3 && ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                Console.Error.Write($"(a port was taken before the silo bound it: starting again on other ports) ");
            }
        }
    }

    private static async Task<HostedSilo> StartOnFreePortsAsync(
        string contentRoot, IReadOnlyDictionary<string, string?> common, TelemetryVariant variant, string clusterId)
    {
        var http = FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, EnvironmentName = "Production" });
        var settings = new Dictionary<string, string?>(common)
        {
            ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{http}",
            ["Kestrel:Endpoints:Http:Protocols"] = "Http1",
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{FreePort()}",
            ["Orleans:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = clusterId,
        };
        foreach (var (key, value) in variant.Settings)
            settings[key] = value;
        builder.Configuration.AddInMemoryCollection(settings);
        var app = SiloApplication.Build(builder);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // What did start (the silo joined its cluster before Kestrel failed to bind) leaves before the retry.
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await app.StopAsync(stopping.Token);
            await app.DisposeAsync();
            throw;
        }
        return new HostedSilo(app, new Uri($"http://127.0.0.1:{http}/"));
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
