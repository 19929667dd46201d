using System.Security.Claims;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Recommendations;
using K8Shop.Gateways.Auth;
using K8Shop.Gateways.Cart;
using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace K8Shop.Gateways.Recommendations;

/// <summary>
/// The home page's shelves (anyone; the personal shelves for the signed-in shopper, or in <c>Auth:Mode=open</c> for the
/// <c>userId</c> asked, which must be the caller's when there is a token) and a signed-in shopper's recently viewed.
/// </summary>
public static class ShelvesApi
{
    public static IEndpointRouteBuilder MapShelfEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var (prefix, suffix) in new[] { ("/recommendations", ""), ("/api/recommendations", "Edge") })
        {
            var shelves = app.MapGet(prefix + "/shelves", GetShelves).WithName("GetHomeShelves" + suffix).WithTags("Recommendations")
                .WithSummary("The home page's shelves: popular now, best-sellers, new arrivals and, for a signed-in shopper, recently viewed and because you bought")
                .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
                .RequireAuthorization(AuthPolicies.OptionalShopper);
            var viewed = app.MapPost(prefix + "/viewed", RecordViewed).WithName("RecordRecentlyViewed" + suffix).WithTags("Recommendations")
                .WithSummary("Records a book the signed-in shopper viewed (their recently viewed, newest first, each once)")
                .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound)
                .RequireAuthorization(AuthPolicies.Account);
            if (suffix.Length > 0)
            {
                shelves.ExcludeFromDescription();
                viewed.ExcludeFromDescription();
            }
        }
        return app;
    }

    public static async Task<Results<Ok<ShelvesResponse>, ProblemHttpResult>> GetShelves(IGrainFactory grains, ClaimsPrincipal user, string? userId)
    {
        if (!string.IsNullOrEmpty(userId) && !CartInput.IsUserId(userId))
            return Problems.Unprocessable(new Dictionary<string, string[]> { ["userId"] = [CartInput.UserIdRule] });
        var shopper = string.IsNullOrEmpty(userId) ? SignedIn(user) : userId;
        var result = await grains.GetGrain<IRecommendationGrain>(0).GetShelvesAsync(shopper);
        return TypedResults.Ok(ShelvesResponse.From(result));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RecordViewed(IGrainFactory grains, ClaimsPrincipal user, ViewedRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        var productId = request?.ProductId?.Trim();
        if (string.IsNullOrEmpty(productId))
            errors["productId"] = ["Field required"];
        else if (!Guid.TryParse(productId, out _) && !ProductRules.IsSku(productId))
            errors["productId"] = [$"must be a catalog UUID or a SKU ({ProductRules.SkuRule})"];
        var shopper = string.IsNullOrEmpty(request?.UserId) ? SignedIn(user) : request.UserId;
        if (shopper is null)
            errors["userId"] = ["Field required when not signed in"];
        else if (!CartInput.IsUserId(shopper))
            errors["userId"] = [CartInput.UserIdRule];
        if (errors.Count > 0)
            return Problems.Unprocessable(errors);

        if (await grains.GetGrain<ICatalogGrain>(0).FindAsync(productId!) is not { } product)
            return Problems.WithError(StatusCodes.Status404NotFound, "product not found");
        await grains.GetGrain<IRecentlyViewedGrain>(shopper!).RecordAsync(product.Sku);
        return TypedResults.NoContent();
    }

    /// <summary>The token's subject, when the caller has one (a shopper or an admin).</summary>
    private static string? SignedIn(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(AuthPolicies.SubjectClaim) is { Length: > 0 } subject ? subject : null;
}
