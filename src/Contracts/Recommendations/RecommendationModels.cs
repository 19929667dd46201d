using System.Collections.Immutable;

namespace K8Shop.Contracts.Recommendations;

/// <summary>The strategies the original named; any other name is served as <see cref="Popular"/> and echoed as asked.</summary>
public static class RecommendationStrategies
{
    public const string Popular = "popular";
    public const string Related = "related";
    public const string Personalized = "personalized";

    public static bool IsKnown(string strategy) => strategy is Popular or Related or Personalized;
}

/// <summary>
/// What <c>GET /recommendations</c> asked for, as sent: empty or absent values are null; <see cref="Limit"/> is null when the
/// query had no whole number (the silo then uses its default, and clamps any number to 1..50, as the original).
/// </summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.RecommendationRequest")]
public sealed record RecommendationRequest(
    [property: Id(0)] string? ProductId,
    [property: Id(1)] string? UserId,
    [property: Id(2)] string? Strategy,
    [property: Id(3)] int? Limit);

/// <summary>One recommended book: the catalog's UUID (the original's <c>id</c>), what a storefront shows, and a score in 0..1.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.Recommendation")]
public sealed record Recommendation(
    [property: Id(0)] Guid Id,
    [property: Id(1)] double Score,
    [property: Id(2)] string Sku,
    [property: Id(3)] string Title,
    [property: Id(4)] decimal Price,
    [property: Id(5)] string? ImageUrl);

/// <summary>The answer: the strategy as requested (lower-cased, or the default) and the books, best first.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.RecommendationResult")]
public sealed record RecommendationResult(
    [property: Id(0)] string Strategy,
    [property: Id(1)] ImmutableArray<Recommendation> Items);

/// <summary>Units of one SKU in an order event.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.SaleLine")]
public sealed record SaleLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Quantity);

/// <summary>
/// An order event as the sales ranking needs it: <see cref="Returned"/> is true for a cancellation (the lines come back);
/// <see cref="OccurredAt"/> is when the order event happened (default: unknown, the ranking's clock is used).
/// </summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.SalesRecord")]
public sealed record SalesRecord(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] bool Returned,
    [property: Id(3)] ImmutableArray<SaleLine> Lines,
    [property: Id(4)] DateTimeOffset OccurredAt = default);

/// <summary>Units sold per SKU (upper-case), most sold first.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.SalesRanking")]
public sealed record SalesRanking(
    [property: Id(0)] ImmutableArray<SkuSales> Skus)
{
    public static SalesRanking Empty { get; } = new([]);
}

[GenerateSerializer, Immutable, Alias("k8shop.recommendations.SkuSales")]
public sealed record SkuSales(
    [property: Id(0)] string Sku,
    [property: Id(1)] long Units);

/// <summary>Units per SKU (upper-case) sold by orders confirmed in the last <see cref="Days"/> days, most first, and how many distinct orders.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.RecentSales")]
public sealed record RecentSales(
    [property: Id(0)] ImmutableArray<SkuSales> Skus,
    [property: Id(1)] int Orders,
    [property: Id(2)] int Days)
{
    public static RecentSales Empty { get; } = new([], 0, 0);
}
