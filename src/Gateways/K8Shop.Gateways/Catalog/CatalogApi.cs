using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Storage;
using K8Shop.Gateways.Auth;
using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace K8Shop.Gateways.Catalog;

/// <summary>The original catalog-service's REST contract, at its own paths and at the nginx edge paths under /api.</summary>
public static class CatalogApi
{
    public const string CorsPolicy = "catalog-public";

    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var catalog = app.MapGroup("/catalog").WithTags("Catalog").RequireCors(CorsPolicy).AllowAnonymous();
        catalog.MapGet("", ListProducts).WithName("ListCatalog").WithSummary("Lists products, filtered, sorted and optionally paged");
        catalog.MapGet("/{id}", GetProduct).WithName("GetCatalogProduct").WithSummary("Gets a product by UUID or SKU").ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/healthz", GetHealth).WithName("CatalogHealth").WithTags("Health").RequireCors(CorsPolicy).AllowAnonymous()
            .Produces<CatalogHealthResponse>().Produces<CatalogHealthResponse>(StatusCodes.Status503ServiceUnavailable);

        // The original nginx mapped /api/catalog, /api/catalog/... and /api/catalog/healthz onto the service.
        var edge = app.MapGroup("/api/catalog").RequireCors(CorsPolicy).ExcludeFromDescription().AllowAnonymous();
        edge.MapGet("", ListProducts).WithName("ListCatalogEdge");
        edge.MapGet("/healthz", GetHealth).WithName("CatalogHealthEdge");
        edge.MapGet("/{id}", GetProduct).WithName("GetCatalogProductEdge");
        return app;
    }

    public static async Task<Results<Ok<CatalogListResponse>, ValidationProblem>> ListProducts(
        IGrainFactory grains,
        [FromQuery] string? q,
        [FromQuery] string? tag,
        [FromQuery] string? min,
        [FromQuery] string? max,
        [FromQuery] string? sort,
        [FromQuery] string? page,
        [FromQuery] string? pageSize)
    {
        var (query, errors, paged) = CatalogQueryParser.Parse(q, tag, min, max, sort, page, pageSize);
        if (query is null)
            return Problems.Invalid(errors);

        var result = await grains.GetGrain<ICatalogGrain>(0).SearchAsync(query);
        var items = result.Items.Select(ProductResponse.From).ToList();
        if (!paged || query.PageSize is not { } size)
            return TypedResults.Ok(new CatalogListResponse(items, items.Count));
        var totalPages = (result.Total + size - 1) / size;
        return TypedResults.Ok(new CatalogListResponse(items, items.Count, result.Total, query.Page, size, totalPages));
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult, ValidationProblem>> GetProduct(IGrainFactory grains, string id)
    {
        if (!ProductRules.IsProductId(id))
            return Problems.Invalid("id", ProductRules.ProductIdRule);
        var product = await grains.GetGrain<ICatalogGrain>(0).FindAsync(id);
        return product is null
            ? Problems.WithError(StatusCodes.Status404NotFound, "not found", $"no product has the id or SKU '{id}'")
            : TypedResults.Ok(ProductResponse.From(product));
    }

    /// <summary>The catalog's health in the original's shape (<c>ok</c>, <c>db</c>, <c>message</c>), plus the backend's name.</summary>
    public static async Task<JsonHttpResult<CatalogHealthResponse>> GetHealth(IGrainFactory grains)
    {
        CatalogHealth health;
        try
        {
            health = await grains.GetGrain<ICatalogGrain>(0).CheckHealthAsync();
        }
        catch (Exception ex) when (GrainFailures.IsClusterUnavailable(ex))
        {
            health = new CatalogHealth(false, "unknown", "the silo did not answer");
        }

        return health.Ok
            ? TypedResults.Json(new CatalogHealthResponse(true, "ok", null, health.Backend))
            : TypedResults.Json(new CatalogHealthResponse(false, "error", health.Error, health.Backend), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record CatalogHealthResponse(
    bool Ok,
    string Db,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Message,
    string Backend);
