using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Rules;
using K8Shop.Contracts.Storage;
using K8Shop.Gateways.Auth;
using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace K8Shop.Gateways.Inventory;

/// <summary>
/// The original inventory-service's apply, plus the routes its documentation promised: stock per SKU,
/// reserve, commit, release and an admin stock setting; also under /api/inventory as nginx mapped them.
/// </summary>
public static class InventoryApi
{
    public static IEndpointRouteBuilder MapInventoryEndpoints(this IEndpointRouteBuilder app)
    {
        Map(app.MapGroup("/inventory").WithTags("Inventory"), "");
        Map(app.MapGroup("/api/inventory").ExcludeFromDescription(), "Edge");
        app.MapGet("/api/inventory/healthz", GetHealth).WithName("InventoryHealth").WithTags("Health").AllowAnonymous()
            .Produces<InventoryHealthResponse>().Produces<InventoryHealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static void Map(RouteGroupBuilder inventory, string suffix)
    {
        inventory.MapPost("/apply", Apply).WithName("ApplyInventory" + suffix).WithSummary("Takes stock for every line of an order, or none (admin or machine)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(AuthPolicies.Stock);
        inventory.MapGet("/{sku}", GetStock).WithName("GetInventory" + suffix).WithSummary("Units on hand, reserved and available").ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound).AllowAnonymous();
        inventory.MapPut("/{sku}", SetStock).WithName("SetInventory" + suffix).WithSummary("Sets the units on hand (admin)").ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(AuthPolicies.Admin);
        inventory.MapPost("/{sku}/reserve", Reserve).WithName("ReserveInventory" + suffix).WithSummary("Holds units for an order until they expire (admin or machine)")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(AuthPolicies.Stock);
        inventory.MapPost("/{sku}/commit", Commit).WithName("CommitInventory" + suffix).WithSummary("Sells an order's reserved units (admin or machine)")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(AuthPolicies.Stock);
        inventory.MapPost("/{sku}/release", Release).WithName("ReleaseInventory" + suffix).WithSummary("Returns an order's reserved units to stock (admin or machine)")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(AuthPolicies.Stock);
    }

    public static async Task<Results<Ok<ApplyResponse>, ProblemHttpResult>> Apply(IGrainFactory grains, ApplyRequest request)
    {
        var (lines, errors, empty) = InventoryInput.CheckApply(request);
        if (empty)
            return TypedResults.Problem(detail: "items required", statusCode: StatusCodes.Status400BadRequest);
        if (errors.Count > 0)
            return Problems.Unprocessable(errors);

        var result = await grains.GetGrain<IInventoryApplyGrain>(0).ApplyAsync(request.OrderId!, lines);
        return TypedResults.Ok(result.Applied
            ? new ApplyResponse(request.OrderId!, "inventory.updated")
            : new ApplyResponse(request.OrderId!, "inventory.failed", "out_of_stock", result.ShortSkus));
    }

    public static async Task<Results<Ok<InventoryResponse>, ProblemHttpResult>> GetStock(IGrainFactory grains, string sku)
    {
        var errors = new Dictionary<string, string[]>();
        InventoryInput.CheckSku(sku, errors);
        if (errors.Count > 0)
            return Problems.Unprocessable(errors);
        return TypedResults.Ok(InventoryResponse.From(await Grain(grains, sku).GetAsync()));
    }

    public static async Task<Results<Ok<InventoryResponse>, ProblemHttpResult>> SetStock(IGrainFactory grains, string sku, SetStockRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        InventoryInput.CheckSku(sku, errors);
        var stock = InventoryInput.CheckWhole(request.Stock, "stock", 0, ShopLimits.Inventory.MaxStock, errors);
        var threshold = InventoryInput.CheckWhole(request.LowStockThreshold, "low_stock_threshold", 0, ShopLimits.Inventory.MaxStock, errors, required: false);
        if (errors.Count > 0)
            return Problems.Unprocessable(errors);
        return TypedResults.Ok(InventoryResponse.From(await Grain(grains, sku).SetStockAsync(stock!.Value, threshold)));
    }

    public static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> Reserve(IGrainFactory grains, string sku, ReserveRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        InventoryInput.CheckSku(sku, errors);
        InventoryInput.CheckOrderId(request.OrderId, errors);
        var qty = InventoryInput.CheckWhole(request.Qty, "qty", 1, ShopLimits.Inventory.MaxQuantity, errors);
        var ttl = InventoryInput.CheckWhole(request.TtlSeconds, "ttl_seconds", 1, ShopLimits.Inventory.MaxReservationSeconds, errors, required: false);
        if (errors.Count > 0)
            return Problems.Unprocessable(errors);
        var timeToLive = TimeSpan.FromSeconds(ttl ?? ShopLimits.Inventory.DefaultReservationSeconds);
        return TypedResults.Ok(ReservationResponse.From(await Grain(grains, sku).ReserveAsync(request.OrderId!, qty!.Value, timeToLive)));
    }

    public static Task<Results<Ok<ReservationChangeResponse>, ProblemHttpResult>> Commit(IGrainFactory grains, string sku, OrderRequest request) =>
        Change(sku, request, grain => grain.CommitAsync(request.OrderId!), grains);

    public static Task<Results<Ok<ReservationChangeResponse>, ProblemHttpResult>> Release(IGrainFactory grains, string sku, OrderRequest request) =>
        Change(sku, request, grain => grain.ReleaseAsync(request.OrderId!), grains);

    public static async Task<JsonHttpResult<InventoryHealthResponse>> GetHealth(IGrainFactory grains)
    {
        var health = await grains.GetGrain<IBackendHealthGrain>("inventory").CheckAsync();
        return health.Ok
            ? TypedResults.Json(new InventoryHealthResponse(true, health.Backend, null))
            : TypedResults.Json(new InventoryHealthResponse(false, health.Backend, "store unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<Ok<ReservationChangeResponse>, ProblemHttpResult>> Change(
        string sku, OrderRequest request, Func<IInventorySkuGrain, Task<ReservationChange>> change, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        InventoryInput.CheckSku(sku, errors);
        InventoryInput.CheckOrderId(request.OrderId, errors);
        if (errors.Count > 0)
            return Problems.Unprocessable(errors);
        return TypedResults.Ok(ReservationChangeResponse.From(await change(Grain(grains, sku))));
    }

    private static IInventorySkuGrain Grain(IGrainFactory grains, string sku) => grains.GetGrain<IInventorySkuGrain>(InventoryKey.For(sku));
}
