using K8Shop.Contracts.Catalog;
using K8Shop.Gateways.Catalog;
using K8Shop.Gateways.Auth;
using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace K8Shop.Gateways.Products;

/// <summary>Product administration, as the original's documentation promised: behind the admin key, validated at the edge.</summary>
public static class ProductsApi
{
    public static IEndpointRouteBuilder MapProductsEndpoints(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/products").WithTags("Products (admin)").RequireAuthorization(AuthPolicies.Admin);
        products.MapGet("", CatalogApi.ListProducts).WithName("ListProducts").WithSummary("Lists products (admin)");
        products.MapGet("/{id}", CatalogApi.GetProduct).WithName("GetProduct").WithSummary("Gets a product by UUID or SKU (admin)").ProducesProblem(StatusCodes.Status404NotFound);
        products.MapPost("", CreateProduct).WithName("CreateProduct").WithSummary("Adds a product (admin)").ProducesProblem(StatusCodes.Status409Conflict);
        products.MapPut("/{id}", UpdateProduct).WithName("UpdateProduct").WithSummary("Replaces a product (admin)").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        products.MapDelete("/{id}", DeleteProduct).WithName("DeleteProduct").WithSummary("Removes a product (admin)").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Created<ProductResponse>, ValidationProblem>> CreateProduct(IGrainFactory grains, ProductRequest request)
    {
        var (draft, errors) = request.ToDraft();
        if (draft is null)
            return Problems.Invalid(errors);
        var product = await grains.GetGrain<ICatalogGrain>(0).CreateAsync(draft);
        return TypedResults.Created($"/products/{product.Id}", ProductResponse.From(product));
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult, ValidationProblem>> UpdateProduct(IGrainFactory grains, string id, ProductRequest request)
    {
        if (!ProductRules.IsProductId(id))
            return Problems.Invalid("id", ProductRules.ProductIdRule);
        var (draft, errors) = request.ToDraft();
        if (draft is null)
            return Problems.Invalid(errors);
        var product = await grains.GetGrain<ICatalogGrain>(0).UpdateAsync(id, draft);
        return product is null ? NotFound(id) : TypedResults.Ok(ProductResponse.From(product));
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DeleteProduct(IGrainFactory grains, string id)
    {
        if (!ProductRules.IsProductId(id))
            return Problems.Invalid("id", ProductRules.ProductIdRule);
        return await grains.GetGrain<ICatalogGrain>(0).DeleteAsync(id) ? TypedResults.NoContent() : NotFound(id);
    }

    private static ProblemHttpResult NotFound(string id) =>
        Problems.WithError(StatusCodes.Status404NotFound, "not found", $"no product has the id or SKU '{id}'");
}
