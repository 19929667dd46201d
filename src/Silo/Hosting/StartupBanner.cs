using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace K8Shop.Silo.Hosting;

/// <summary>Tells whoever started the host which URLs to open, once it listens.</summary>
public static partial class StartupBanner
{
    public static WebApplication LogStartupUrls(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var management = app.Services.GetService<K8Shop.ServiceDefaults.Telemetry.TelemetrySettings>()?.ManagementUrls.Select(u => u.Port).ToHashSet() ?? [];
            var http = addresses.FirstOrDefault(a => !IsGrpc(app, a) && !(Uri.TryCreate(a, UriKind.Absolute, out var bound) && management.Contains(bound.Port)))
                ?? "http://127.0.0.1:8080";
            var grpc = addresses.FirstOrDefault(a => IsGrpc(app, a)) ?? "(not configured)";
            var profile = app.Services.GetRequiredService<K8ShopOptions>().Profile;
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("K8Shop");
            LogReady(logger, profile, http.TrimEnd('/'), grpc.TrimEnd('/'));
        });
        return app;
    }

    private static bool IsGrpc(WebApplication app, string address)
    {
        var grpcUrl = app.Configuration["Kestrel:Endpoints:Grpc:Url"];
        return grpcUrl is not null && Uri.TryCreate(grpcUrl, UriKind.Absolute, out var configured)
            && Uri.TryCreate(address, UriKind.Absolute, out var bound) && configured.Port == bound.Port;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = """
        K8Shop is up ({Profile} profile).
          Storefront & REST  {Http}/            e.g. {Http}/catalog
          Orleans dashboard  {Http}/dashboard   (admins; sign in first)
          Sign in / sign up  {Http}/identity/signin   OpenID Connect {Http}/.well-known/openid-configuration
          OpenAPI document   {Http}/openapi/v1.json
          Health             {Http}/healthz  {Http}/health/ready
          gRPC (h2c)         {Grpc}   catalog.v1.CatalogService
        Press Ctrl+C to stop.
        """)]
    private static partial void LogReady(ILogger logger, string profile, string http, string grpc);
}
