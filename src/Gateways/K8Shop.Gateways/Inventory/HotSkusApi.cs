using System.Globalization;
using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Rules;
using K8Shop.Gateways.Auth;
using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace K8Shop.Gateways.Inventory;

/// <summary>
/// The busiest SKUs of the last seconds (admin): what the load generator is hammering, with each SKU's stock.
/// Its own path, since any name under /inventory/ could be a SKU.
/// </summary>
public static class HotSkusApi
{
    public const int DefaultLimit = 10;

    public static IEndpointRouteBuilder MapHotSkuEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/hot-skus", GetHot).WithName("ListHotSkus").WithTags("Inventory")
            .WithSummary("The SKUs with the most inventory requests in the recent window (admin)").ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(AuthPolicies.Admin);
        return app;
    }

    public static async Task<Results<Ok<HotSkusResponse>, ProblemHttpResult>> GetHot(IGrainFactory grains, string? limit)
    {
        var count = DefaultLimit;
        if (!string.IsNullOrEmpty(limit)
            && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= ShopLimits.Paging.MaxListLength))
            return Problems.Unprocessable(new Dictionary<string, string[]> { ["limit"] = [$"must be a whole number from 1 to {ShopLimits.Paging.MaxListLength}"] });
        var list = await grains.GetGrain<IInventoryActivityGrain>(0).TopAsync(count);
        return TypedResults.Ok(HotSkusResponse.From(list));
    }
}
