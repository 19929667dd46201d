using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Reviews;
using K8Shop.Contracts.Rules;

namespace K8Shop.Grains.Reviews;

/// <summary>A book's rating summary computed from its reviews: hidden reviews count for nothing.</summary>
public static class RatingSummaries
{
    public static BookRatingSummary Empty(string sku) => new(sku, 0, 0, [0, 0, 0, 0, 0]);

    public static BookRatingSummary Of(string sku, IEnumerable<Review> reviews)
    {
        var stars = new int[ShopLimits.Reviews.MaxRating];
        var sum = 0;
        var count = 0;
        foreach (var review in reviews)
        {
            if (review.Hidden)
                continue;
            stars[review.Rating - 1]++;
            sum += review.Rating;
            count++;
        }
        return new BookRatingSummary(sku, count, sum, [.. stars]);
    }

    /// <summary>True when both say the same (records compare arrays by reference).</summary>
    public static bool SameAs(this BookRatingSummary summary, BookRatingSummary other) =>
        string.Equals(summary.Sku, other.Sku, StringComparison.OrdinalIgnoreCase)
        && summary.Count == other.Count && summary.Sum == other.Sum && summary.Stars.SequenceEqual(other.Stars);
}
