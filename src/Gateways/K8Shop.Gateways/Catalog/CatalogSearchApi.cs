using K8Shop.Contracts.Catalog;
using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace K8Shop.Gateways.Catalog;

/// <summary>Search and suggestions for shoppers, anonymous, at <c>/catalog/...</c> and the edge paths under <c>/api</c>.</summary>
public static class CatalogSearchApi
{
    public static IEndpointRouteBuilder MapCatalogSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var catalog = app.MapGroup("/catalog").WithTags("Catalog").RequireCors(CatalogApi.CorsPolicy).AllowAnonymous();
        catalog.MapGet("/search", Search).WithName("SearchCatalog")
            .WithSummary("Searches titles, authors, ISBNs, descriptions, tags and SKUs, with facets and highlights")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        catalog.MapGet("/suggest", Suggest).WithName("SuggestCatalog")
            .WithSummary("Titles and authors with words starting with what was typed")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        var edge = app.MapGroup("/api/catalog").RequireCors(CatalogApi.CorsPolicy).ExcludeFromDescription().AllowAnonymous();
        edge.MapGet("/search", Search).WithName("SearchCatalogEdge");
        edge.MapGet("/suggest", Suggest).WithName("SuggestCatalogEdge");
        return app;
    }

    public static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> Search(
        IGrainFactory grains,
        [FromQuery] string? q,
        [FromQuery] string? tag,
        [FromQuery] string? author,
        [FromQuery] string? priceBand,
        [FromQuery] string? inStock,
        [FromQuery] string? min,
        [FromQuery] string? max,
        [FromQuery] string? sort,
        [FromQuery] string? page,
        [FromQuery] string? pageSize)
    {
        var (query, errors) = SearchQueryParser.ParseSearch(new(q, tag, author, priceBand, inStock, min, max, sort, page, pageSize));
        if (query is null)
            return Problems.Unprocessable(errors);
        var result = await grains.GetGrain<ICatalogSearchGrain>(0).SearchAsync(query);
        return TypedResults.Ok(SearchResponse.From(query.Text ?? string.Empty, query, result));
    }

    public static async Task<Results<Ok<SuggestResponse>, ProblemHttpResult>> Suggest(IGrainFactory grains, [FromQuery] string? q, [FromQuery] string? limit)
    {
        var (prefix, count, errors) = SearchQueryParser.ParseSuggest(q, limit);
        if (errors.Count > 0)
            return Problems.Unprocessable(errors);
        var suggestions = prefix.Length == 0 ? [] : await grains.GetGrain<ICatalogSearchGrain>(0).SuggestAsync(prefix, count);
        return TypedResults.Ok(new SuggestResponse(prefix, [.. suggestions.Select(SuggestionResponse.From)]));
    }
}
