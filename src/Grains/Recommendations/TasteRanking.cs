using System.Collections.Frozen;

namespace K8Shop.Grains.Recommendations;

/// <summary>What other shoppers' tastes say about a shopper's next book, pure: counts per SKU (upper-case), never a book the shopper owns.</summary>
public static class TasteRanking
{
    /// <summary>The least rating that counts as "rated highly".</summary>
    public const int HighRating = 4;

    /// <summary>
    /// "Rated highly by shoppers with similar purchases": for each book, how many of <paramref name="similar"/> (shoppers
    /// who bought a book the shopper bought) rated it <see cref="HighRating"/> or more. A shopper counts once per book.
    /// </summary>
    public static FrozenDictionary<string, int> RatedBySimilar(IEnumerable<ShopperTaste> similar, IReadOnlySet<string> owned) =>
        similar
            .SelectMany(t => t.Ratings.Where(r => r.Rating >= HighRating).Select(r => r.Sku).Distinct())
            .Where(sku => !owned.Contains(sku))
            .GroupBy(sku => sku)
            .ToFrozenDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

    /// <summary>"Bought together": for each book, how many of the <paramref name="buyers"/> of a book also bought it.</summary>
    public static FrozenDictionary<string, int> BoughtWith(IEnumerable<ShopperTaste> buyers, IReadOnlySet<string> owned) =>
        buyers
            .SelectMany(t => t.Bought.Distinct())
            .Where(sku => !owned.Contains(sku))
            .GroupBy(sku => sku)
            .ToFrozenDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
}
