namespace K8Shop.Contracts.Recommendations;

/// <summary>
/// Answers <c>GET /recommendations</c>: a stateless worker on every silo, next to the catalog, reading the catalog,
/// the sales ranking and a user's orders and cart through their grains.
/// </summary>
public interface IRecommendationGrain : IGrainWithIntegerKey
{
    /// <summary>Books to show for the request's strategy, best first; never the asked-about product, never an error for odd input.</summary>
    Task<RecommendationResult> RecommendAsync(RecommendationRequest request);

    /// <summary>The home page's shelves; the personal ones only for <paramref name="userId"/> (a signed-in shopper, or null).</summary>
    Task<ShelvesResult> GetShelvesAsync(string? userId);
}
