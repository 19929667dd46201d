using K8Shop.Gateways.Hosting;
using Orleans.Dashboard;

namespace K8Shop.Silo.Hosting;

/// <summary>
/// The silo process's whole composition in one place: the Orleans silo, the co-hosted gateway and identity provider,
/// the storefront and, when enabled, the Orleans dashboard. <c>Program</c> runs it; a tool that must host the real silo
/// in its own process (the telemetry cost benchmark, tools/K8Shop.TelemetryCost) builds exactly the same application.
/// </summary>
public static class SiloApplication
{
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        builder.AddK8ShopSiloTelemetry();
        builder.AddK8ShopSilo();
        builder.Services.AddK8ShopGateway(builder.Configuration);
        builder.AddCoHostedIdentity();

        var app = builder.Build();
        app.UseStorefront();
        app.UseK8ShopGateway();
        app.MapK8ShopGateway();
        app.MapCoHostedIdentity();
        app.MapStorefront();
        if (app.Services.GetRequiredService<K8ShopOptions>().Dashboard)
            app.MapOrleansDashboard("/dashboard").ExcludeFromDescription().RequireAuthorization(app.Configuration.AdminPagePolicy());
        return app;
    }
}
