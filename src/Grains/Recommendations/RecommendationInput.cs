using K8Shop.Contracts.Recommendations;
using K8Shop.Contracts.Rules;

namespace K8Shop.Grains.Recommendations;

/// <summary>The original's input rules: nothing is refused, everything is defaulted or clamped.</summary>
public static class RecommendationInput
{
    public const int MaxLimit = ShopLimits.Paging.MaxListLength;

    /// <summary>Ids longer than this cannot name a product or user; they are echoed but looked up as unknown.</summary>
    public const int MaxIdLength = ShopLimits.Ids.MaxLength;

    /// <summary>The requested strategy lower-cased, or the default when none was given.</summary>
    public static string Strategy(string? requested, string fallback) =>
        (string.IsNullOrWhiteSpace(requested) ? fallback : requested.Trim()).ToLowerInvariant();

    /// <summary>The requested limit, or the default, clamped to 1..50.</summary>
    public static int Limit(int? requested, int fallback) => Math.Clamp(requested ?? fallback, 1, MaxLimit);

    /// <summary>An id worth looking up: present, not over-long, no control characters.</summary>
    public static bool IsUsableId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= MaxIdLength && !id.Any(char.IsControl);

    /// <summary>The ranking the strategy asks for; an unknown one is served as popular (the original served every other name so).</summary>
    public static string Ranking(string strategy) =>
        RecommendationStrategies.IsKnown(strategy) ? strategy : RecommendationStrategies.Popular;
}
