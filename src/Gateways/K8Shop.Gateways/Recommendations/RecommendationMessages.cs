using System.Text.Json.Serialization;
using K8Shop.Contracts.Recommendations;
using K8Shop.Gateways.Catalog;

namespace K8Shop.Gateways.Recommendations;

/// <summary>
/// The original RecommendationResponse, key for key: <c>productId</c> and <c>userId</c> (omitted when empty), <c>strategy</c>,
/// <c>recommendations</c> (always an array).
/// </summary>
public sealed record RecommendationResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ProductId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UserId,
    string Strategy,
    IReadOnlyList<RecommendationItemResponse> Recommendations)
{
    public static RecommendationResponse From(string? productId, string? userId, RecommendationResult result) => new(
        string.IsNullOrEmpty(productId) ? null : productId,
        string.IsNullOrEmpty(userId) ? null : userId,
        result.Strategy,
        [.. result.Items.Select(RecommendationItemResponse.From)]);
}

/// <summary>
/// The original's <c>id</c> (the catalog UUID) and <c>score</c>, then what a storefront needs to show the book without
/// another call: <c>sku</c> (the original UI matched by SKU), <c>title</c>, <c>price</c>, <c>imageUrl</c> (omitted when
/// empty, as the catalog does) and the cover this gateway draws.
/// </summary>
public sealed record RecommendationItemResponse(
    string Id,
    double Score,
    string Sku,
    string Title,
    decimal Price,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ImageUrl,
    string CoverUrl)
{
    public static RecommendationItemResponse From(Recommendation r) => new(
        r.Id.ToString("D"), r.Score, r.Sku, r.Title, Money.Minimal(r.Price), r.ImageUrl, Covers.CoverApi.PathFor(r.Sku));
}

/// <summary>The original's <c>/healthz</c>: <c>{"ok":true}</c>, plus whether the catalog it recommends from answers.</summary>
public sealed record RecommendationHealthResponse(bool Ok, string Catalog);
