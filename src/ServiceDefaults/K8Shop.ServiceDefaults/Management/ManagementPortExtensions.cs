using K8Shop.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace K8Shop.ServiceDefaults.Management;

public static class ManagementPortExtensions
{
    public const string EndpointPrefix = "Management";

    /// <summary>
    /// Binds each <c>Management:Urls</c> address as its own Kestrel endpoint and puts, first in the pipeline, a branch
    /// that answers requests arriving on those ports: <c>GET /metrics</c> (Prometheus text) and 404 for anything else.
    /// The branch is middleware, not a routed endpoint: the public port never serves it (404 there), it needs no
    /// authorization policy (anonymous by design: the port is loopback in embedded mode and cluster-internal on
    /// Kubernetes, where a NetworkPolicy admits the scraper), and endpoint audits of the API see nothing new.
    /// </summary>
    public static IHostApplicationBuilder AddManagementPort(this IHostApplicationBuilder builder, TelemetrySettings settings)
    {
        if (settings.ManagementUrls.Count == 0)
            return builder;

        var endpoints = new Dictionary<string, string?>();
        var existing = builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().ToList();
        if (existing.Count == 0)
        {
            // Explicit endpoints replace the default URLs, so the default ones become explicit too.
            var urls = builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000";
            var i = 0;
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                endpoints[$"Kestrel:Endpoints:Default{i++}:Url"] = url;
        }
        for (var i = 0; i < settings.ManagementUrls.Count; i++)
        {
            endpoints[$"Kestrel:Endpoints:{EndpointPrefix}{i}:Url"] = settings.ManagementUrls[i].GetLeftPart(UriPartial.Authority);
            endpoints[$"Kestrel:Endpoints:{EndpointPrefix}{i}:Protocols"] = "Http1";
        }
        builder.Configuration.AddInMemoryCollection(endpoints);
        builder.Services.AddSingleton<IStartupFilter>(new ManagementStartupFilter(settings));
        return builder;
    }

    private sealed class ManagementStartupFilter(TelemetrySettings settings) : IStartupFilter
    {
        private readonly HashSet<int> _ports = [.. settings.ManagementUrls.Select(url => url.Port)];

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.MapWhen(context => _ports.Contains(context.Connection.LocalPort), management =>
            {
                if (settings.Metrics)
                    management.UseOpenTelemetryPrometheusScrapingEndpoint();
                management.Run(context =>
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                });
            });
            next(app);
        };
    }
}
