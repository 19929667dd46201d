using K8Shop.Gateways.Auth;
using System.Globalization;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Recommendations;
using K8Shop.Gateways.Cart;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace K8Shop.Gateways.Recommendations;

/// <summary>
/// The original recommendation-service's <c>GET /recommendations</c> and its <c>/healthz</c>, also under /api as nginx
/// mapped them. As the original, no input is refused: a limit that is not a whole number takes the default, any
/// number is clamped to 1..50, an unknown strategy is served as popular and echoed as asked.
/// </summary>
public static class RecommendationsApi
{
    public static IEndpointRouteBuilder MapRecommendationEndpoints(this IEndpointRouteBuilder app)
    {
        // Exact routes, as nginx's '= /api/recommendations/healthz'; other paths below /recommendations/ are 404 as in the original.
        app.MapGet("/recommendations/healthz", GetHealth).WithName("RecommendationsHealth").WithTags("Health").AllowAnonymous()
            .Produces<RecommendationHealthResponse>().Produces<RecommendationHealthResponse>(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/recommendations/healthz", GetHealth).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/recommendations", Get).WithName("GetRecommendations").WithTags("Recommendations")
            .WithSummary("Books to recommend: popular, related to a product, or personalized for a user")
            .RequireAuthorization(AuthPolicies.OptionalShopper);
        app.MapGet("/api/recommendations", Get).WithName("GetRecommendationsEdge").ExcludeFromDescription().RequireAuthorization(AuthPolicies.OptionalShopper);
        app.MapShelfEndpoints();
        return app;
    }

    public static async Task<Ok<RecommendationResponse>> Get(
        IGrainFactory grains, string? productId, string? userId, string? strategy, string? limit)
    {
        var request = new RecommendationRequest(
            NullIfEmpty(productId),
            // A user id is a grain key (cart, orders): one that no cart could have is looked up as no history.
            userId is { Length: > 0 } && CartInput.IsUserId(userId) ? userId : null,
            NullIfEmpty(strategy),
            ParseLimit(limit));
        var result = await grains.GetGrain<IRecommendationGrain>(0).RecommendAsync(request);
        return TypedResults.Ok(RecommendationResponse.From(productId, userId, result));
    }

    public static async Task<JsonHttpResult<RecommendationHealthResponse>> GetHealth(IGrainFactory grains)
    {
        var health = await grains.GetGrain<ICatalogGrain>(0).CheckHealthAsync();
        return TypedResults.Json(new RecommendationHealthResponse(health.Ok, health.Ok ? "ok" : "error"),
            statusCode: health.Ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>As Go's strconv.Atoi: an optional sign and digits, within int; anything else is no limit (the default).</summary>
    public static int? ParseLimit(string? limit) =>
        int.TryParse(limit, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
