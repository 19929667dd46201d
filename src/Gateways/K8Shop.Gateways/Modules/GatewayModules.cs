using K8Shop.Gateways.Cart;
using K8Shop.Gateways.Catalog;
using K8Shop.Gateways.Covers;
using K8Shop.Gateways.Inventory;
using K8Shop.Gateways.Notifications;
using K8Shop.Gateways.OpenApi;
using K8Shop.Gateways.Orders;
using K8Shop.Gateways.Payments;
using K8Shop.Gateways.Products;
using K8Shop.Gateways.Recommendations;
using K8Shop.Gateways.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace K8Shop.Gateways.Modules;

/// <summary>
/// The gateway's modules: one per original service (catalog, cart, orders, inventory, payments, notifications,
/// recommendations; reviews come with the catalog), plus the admin product routes and the generated covers. Each maps only its own routes;
/// gRPC comes with catalog.
/// </summary>
public static class GatewayModules
{
    public const string Catalog = "catalog";
    public const string Products = "products";
    public const string Covers = "covers";
    public const string Cart = "cart";
    public const string Inventory = "inventory";
    public const string Orders = "orders";
    public const string Payments = "payments";
    public const string Notifications = "notifications";
    public const string Recommendations = "recommendations";

    private static readonly (string Name, Action<IEndpointRouteBuilder> Map)[] Mappers =
    [
        (Catalog, app =>
        {
            app.MapCatalogEndpoints();
            app.MapCatalogSearchEndpoints();
            app.MapReviewEndpoints();
            app.MapGrpcService<CatalogGrpcService>().AllowAnonymous();
        }),
        (Products, app => app.MapProductsEndpoints()),
        (Covers, app => app.MapCoverEndpoints()),
        (Cart, app => app.MapCartEndpoints()),
        (Inventory, app =>
        {
            app.MapInventoryEndpoints();
            app.MapHotSkuEndpoints();
        }),
        (Orders, app => app.MapOrderEndpoints()),
        (Payments, app => app.MapPaymentEndpoints()),
        (Recommendations, app => app.MapRecommendationEndpoints()),
        (Notifications, app => app.MapNotificationEndpoints()),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. Mappers.Select(m => m.Name)];

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(Names, StringComparer.OrdinalIgnoreCase);

    /// <summary>Maps the routes of the given modules, in a fixed order whatever order they were listed in.</summary>
    public static void Map(IEndpointRouteBuilder app, IReadOnlySet<string> modules)
    {
        // One group without a prefix, so every module's routes document the errors the pipeline around them may answer.
        var routes = app.MapGroup("").WithPipelineProblems();
        foreach (var (name, map) in Mappers)
        {
            if (modules.Contains(name))
                map(routes);
        }
    }
}
