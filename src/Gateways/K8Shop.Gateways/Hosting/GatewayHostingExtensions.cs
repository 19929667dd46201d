using K8Shop.Gateways.Auth;
using K8Shop.Gateways.Catalog;
using K8Shop.Faults.Hosting;
using K8Shop.Gateways.Errors;
using K8Shop.Gateways.Faults;
using K8Shop.Gateways.OpenApi;
using K8Shop.Gateways.Health;
using K8Shop.Gateways.Modules;
using K8Shop.Gateways.Notifications;
using K8Shop.Gateways.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace K8Shop.Gateways.Hosting;

/// <summary>
/// The gateway's endpoints as one unit, added to any host that can reach grains: the embedded silo host and
/// the standalone gateway (an Orleans client). No endpoint is written twice. <c>Gateway:Modules</c> chooses which
/// services' routes are mapped (all by default); the health routes are always there.
/// </summary>
public static class GatewayHostingExtensions
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddK8ShopGateway(this IServiceCollection services, IConfiguration configuration)
    {
        // Resolved now, so an unknown module stops the host before anything starts, naming the key and the allowed values.
        var modules = new GatewayServedModules(GatewayOptions.From(configuration).Resolve());
        services.AddSingleton(modules);
        services.AddSingleton<ClusterStartGate>();
        services.AddProblemDetails();
        services.AddExceptionHandler<GatewayExceptionHandler>();
        // Binding failures (malformed JSON, wrong types) reach the exception handler, which names the field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddK8ShopAuth(configuration);
        services.AddOptions<NotifyOptions>().Bind(configuration.GetSection(NotifyOptions.SectionName))
            .Validate(o => o.NotifyDelay >= TimeSpan.Zero && o.NotifyDelay <= TimeSpan.FromSeconds(30), "Notifications:NotifyDelay must be from 0 to 00:00:30.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddGrpc();
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer(OpenApiTransformers.NumbersAsNumbers);
            options.AddDocumentTransformer(OpenApiTransformers.WithoutServers);
            options.AddDocumentTransformer(AdminOperationsFilter.OnlyWhatTheCallerMayUse);
        });
        // The embedded host's silo registered the switches first (named after the silo); a standalone gateway gets its own here.
        services.AddK8ShopFaultSwitches(configuration);
        var health = services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: [ReadyTag]);
        // Degraded (still 200) while a fault switch is on, on readiness too: loud, but no reason to take the node out.
        health.AddCheck<FaultsHealthCheck>("faults", tags: [ReadyTag]);
        if (modules.Contains(GatewayModules.Catalog))
            health.AddCheck<CatalogHealthCheck>("catalog", tags: [ReadyTag]);
        services.AddK8ShopEdgeProtection(configuration);
        return services;
    }

    public static IApplicationBuilder UseK8ShopGateway(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ClusterStartGateMiddleware>();
        app.UseCors();
        app.UseAuthentication();
        // After authentication, so gateway-503 can be scoped to a user.
        app.UseMiddleware<Gateway503Middleware>();
        // Limits count per user, so after authentication; before authorization, so refused floods are counted too.
        app.UseK8ShopEdgeProtection();
        app.UseK8ShopAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapK8ShopGateway(this IEndpointRouteBuilder app)
    {
        GatewayModules.Map(app, app.ServiceProvider.GetRequiredService<GatewayServedModules>().Names);
        app.MapGuestEndpoints();
        app.MapFaultEndpoints();
        app.MapOpenApi().AllowAnonymous();
        // Liveness runs no check: it must not depend on the cluster, or a silo outage would restart every gateway.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        // Every check, as JSON, with the fault switches that are on: what an operator reads.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
        return app;
    }
}
