using K8Shop.Contracts.Catalog;
using K8Shop.Gateways.Auth;
using K8Shop.Gateways.Errors;
using K8Shop.Gateways.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace K8Shop.Gateways.Covers;

/// <summary>Serves a generated cover for every product, so the shop has pictures without reaching the internet.</summary>
public static class CoverApi
{
    public static string PathFor(string sku) => $"/covers/{Uri.EscapeDataString(sku)}.svg";

    public static IEndpointRouteBuilder MapCoverEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/covers/{sku}.svg", GetCover).WithName("GetCover").WithTags("Catalog").WithSummary("A generated SVG cover for a product").AllowAnonymous()
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml").Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound).WithPipelineProblems();
        return app;
    }

    public static async Task<Results<ContentHttpResult, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> GetCover(
        IGrainFactory grains, HttpContext context, string sku)
    {
        if (!ProductRules.IsProductId(sku))
            return Problems.Invalid("sku", ProductRules.ProductIdRule);
        var product = await grains.GetGrain<ICatalogGrain>(0).FindAsync(sku);
        if (product is null)
            return Problems.WithError(StatusCodes.Status404NotFound, "not found", $"no product has the SKU '{sku}'");

        var etag = new EntityTagHeaderValue($"\"{product.Id:N}-{product.UpdatedAt.ToUnixTimeMilliseconds()}\"");
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromHours(1) };
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Content(CoverArt.Render(product.Sku, product.Title, product.Author), "image/svg+xml; charset=utf-8");
    }
}
