using K8Shop.Gateways.Admin;
using K8Shop.Gateways.Cart;
using K8Shop.Gateways.Catalog;
using K8Shop.Gateways.Covers;
using K8Shop.Gateways.Errors;
using K8Shop.Gateways.Inventory;
using K8Shop.Gateways.Notifications;
using K8Shop.Gateways.OpenApi;
using K8Shop.Gateways.Orders;
using K8Shop.Gateways.Payments;
using K8Shop.Gateways.Health;
using K8Shop.Gateways.Products;
using K8Shop.Gateways.Recommendations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace K8Shop.Gateways.Hosting;

/// <summary>
/// The gateway's endpoints as one unit, added to any host that can reach grains: the embedded silo host and
/// the standalone gateway (an Orleans client). No endpoint is written twice.
/// </summary>
public static class GatewayHostingExtensions
{
    public static IServiceCollection AddK8ShopGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddExceptionHandler<GatewayExceptionHandler>();
        // Binding failures (malformed JSON, wrong types) reach the exception handler, which names the field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName));
        services.AddOptions<NotifyOptions>().Bind(configuration.GetSection(NotifyOptions.SectionName))
            .Validate(o => o.NotifyDelay >= TimeSpan.Zero && o.NotifyDelay <= TimeSpan.FromSeconds(30), "Notifications:NotifyDelay must be from 0 to 00:00:30.")
            .ValidateOnStart();
        services.AddCors(options => options.AddPolicy(CatalogApi.CorsPolicy, policy => policy.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET", "HEAD")));
        services.AddGrpc();
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer(OpenApiTransformers.NumbersAsNumbers);
            options.AddDocumentTransformer(OpenApiTransformers.WithoutServers);
        });
        services.AddHealthChecks().AddCheck<CatalogHealthCheck>("catalog", tags: ["ready"]);
        return services;
    }

    public static IApplicationBuilder UseK8ShopGateway(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseMiddleware<AdminKeyMiddleware>();
        return app;
    }

    public static IEndpointRouteBuilder MapK8ShopGateway(this IEndpointRouteBuilder app)
    {
        app.MapCatalogEndpoints();
        app.MapProductsEndpoints();
        app.MapCartEndpoints();
        app.MapInventoryEndpoints();
        app.MapHotSkuEndpoints();
        app.MapOrderEndpoints();
        app.MapPaymentEndpoints();
        app.MapRecommendationEndpoints();
        app.MapNotificationEndpoints();
        app.MapCoverEndpoints();
        app.MapGrpcService<CatalogGrpcService>();
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
