using System.Collections.Frozen;

namespace K8Shop.Grains.Recommendations;

/// <summary>A book and its score in 0..1.</summary>
public sealed record ScoredBook(CatalogBook Book, double Score);

/// <summary>
/// The ranking rules, pure. Every list is best first with scores that never rise. A strategy's own matches score
/// from 0.5 to 1; when they are fewer than asked, the list is filled up with popular books at half their popular
/// score, so a filler never outranks a match.
/// </summary>
public static class RecommendationRanking
{
    /// <summary>The merchandising tag the seed marks best-sellers with; the fallback order before any sale.</summary>
    public const string BestSellerTag = "best-seller";

    private const double BestSellerScore = 0.4;
    private const double OtherScore = 0.2;

    /// <summary>
    /// Most units sold first (0.5 + 0.5 × units / most units; ties by title); then, for books not sold yet, the
    /// catalog's best-sellers (0.4) and every other book (0.2), each in title order. Never an excluded book.
    /// </summary>
    public static IReadOnlyList<ScoredBook> Popular(CatalogIndex catalog, IReadOnlyDictionary<string, long> unitsBySku, IReadOnlySet<Guid> exclude, int limit)
    {
        var sold = catalog.Books
            .Select(b => (Book: b, Units: Units(unitsBySku, b)))
            .Where(x => x.Units > 0)
            .ToList();
        var most = sold.Count == 0 ? 1 : sold.Max(x => x.Units);
        var ranked = sold
            .OrderByDescending(x => x.Units)
            .Select(x => new ScoredBook(x.Book, Round(0.5 + 0.5 * x.Units / most)))
            .Concat(catalog.Books
                .Where(b => Units(unitsBySku, b) <= 0)
                .Select(b => new ScoredBook(b, b.Tags.Contains(BestSellerTag) ? BestSellerScore : OtherScore))
                .OrderByDescending(s => s.Score));
        return [.. ranked.Where(s => !exclude.Contains(s.Book.Id)).Take(limit)];
    }

    /// <summary>
    /// Books sharing tags with <paramref name="source"/>, most shared tags first (0.5 + 0.5 × shared / the source's tags);
    /// ties go to books carrying the source's first tag (the one the original listed by), then to units sold, then title.
    /// Never the source itself; filled up with popular books.
    /// </summary>
    public static IReadOnlyList<ScoredBook> Related(CatalogIndex catalog, CatalogBook source, IReadOnlyDictionary<string, long> unitsBySku, int limit)
    {
        var shared = new Dictionary<Guid, int>();
        foreach (var tag in source.Tags)
            foreach (var book in catalog.ByTag.GetValueOrDefault(tag, []))
                shared[book.Id] = shared.GetValueOrDefault(book.Id) + 1;
        shared.Remove(source.Id);

        var firstTag = source.Tags.FirstOrDefault();
        var matches = Ordered(catalog, shared, unitsBySku, b => firstTag is not null && b.Tags.Contains(firstTag))
            .Select(x => new ScoredBook(x.Book, Round(0.5 + 0.5 * x.Weight / source.Tags.Length)));
        return FillWithPopular(matches, catalog, unitsBySku, new HashSet<Guid> { source.Id }, limit);
    }

    /// <summary>
    /// Books like what the user bought or has in the cart: each tag weighs as many of those books as carry it, a shared
    /// author adds <see cref="AuthorWeight"/>, each shopper with similar purchases who rated the book highly adds
    /// <see cref="RatedWeight"/> (<paramref name="ratedBySimilar"/>, see <see cref="TasteRanking.RatedBySimilar"/>); most
    /// weight first (0.5 + 0.5 × weight / the top weight), ties by units sold, then title. Never a book they bought or
    /// hold; filled up with popular books. No history: exactly popular.
    /// </summary>
    public static IReadOnlyList<ScoredBook> Personalized(
        CatalogIndex catalog, IReadOnlyCollection<CatalogBook> history, IReadOnlyDictionary<string, long> unitsBySku, int limit,
        IReadOnlyDictionary<string, int>? ratedBySimilar = null)
    {
        if (history.Count == 0)
            return Popular(catalog, unitsBySku, FrozenSet<Guid>.Empty, limit);
        var owned = history.Select(b => b.Id).ToHashSet();
        var tagWeights = history.SelectMany(b => b.Tags).GroupBy(t => t).ToFrozenDictionary(g => g.Key, g => g.Count());
        var authors = history.SelectMany(b => b.Authors).ToFrozenSet();

        var weights = new Dictionary<Guid, int>();
        foreach (var book in catalog.Books)
        {
            if (owned.Contains(book.Id))
                continue;
            var weight = book.Tags.Sum(t => tagWeights.GetValueOrDefault(t)) + (book.Authors.Any(authors.Contains) ? AuthorWeight : 0)
                + RatedWeight * (ratedBySimilar?.GetValueOrDefault(book.Sku) ?? 0);
            if (weight > 0)
                weights[book.Id] = weight;
        }
        var top = weights.Count == 0 ? 1 : weights.Values.Max();
        var matches = Ordered(catalog, weights, unitsBySku, _ => false)
            .Select(x => new ScoredBook(x.Book, Round(0.5 + 0.5 * x.Weight / top)));
        return FillWithPopular(matches, catalog, unitsBySku, owned, limit);
    }

    /// <summary>What a shared author adds to a book's weight: as much as two shared tags.</summary>
    public const int AuthorWeight = 2;

    /// <summary>What each shopper with similar purchases who rated a book 4 or 5 adds to its weight.</summary>
    public const int RatedWeight = 2;

    /// <summary>What each other buyer of the source book who also bought a book adds to its weight ("bought together").</summary>
    public const int BoughtWithWeight = 3;

    /// <summary>
    /// "Because you bought <paramref name="source"/>": books bought together with it (<see cref="BoughtWithWeight"/> per
    /// buyer), rated highly by shoppers with similar purchases (<see cref="RatedWeight"/> per shopper), by one of its authors
    /// (<see cref="AuthorWeight"/>) or sharing its tags (1 per tag); most weight first, then units sold, then title. Never
    /// a book in <paramref name="owned"/> (SKUs, any case), never filled with unrelated books.
    /// </summary>
    public static IReadOnlyList<CatalogBook> BecauseYouBought(
        CatalogIndex catalog, CatalogBook source, IReadOnlySet<string> owned, IReadOnlyDictionary<string, int> boughtWith,
        IReadOnlyDictionary<string, int> ratedBySimilar, IReadOnlyDictionary<string, long> unitsBySku, int limit)
    {
        var weights = new Dictionary<Guid, int>();
        foreach (var book in catalog.Books)
        {
            if (book.Id == source.Id || owned.Contains(book.Sku))
                continue;
            var weight = BoughtWithWeight * boughtWith.GetValueOrDefault(book.Sku)
                + RatedWeight * ratedBySimilar.GetValueOrDefault(book.Sku)
                + (book.Authors.Any(source.Authors.Contains) ? AuthorWeight : 0)
                + book.Tags.Count(source.Tags.Contains);
            if (weight > 0)
                weights[book.Id] = weight;
        }
        return [.. Ordered(catalog, weights, unitsBySku, _ => false).Select(x => x.Book).Take(limit)];
    }

    private static IEnumerable<(CatalogBook Book, int Weight)> Ordered(
        CatalogIndex catalog, Dictionary<Guid, int> weights, IReadOnlyDictionary<string, long> unitsBySku, Func<CatalogBook, bool> preferred) =>
        // catalog.Books is in title order and OrderBy is stable: equal weight and sales keep title order.
        catalog.Books
            .Where(b => weights.ContainsKey(b.Id))
            .Select(b => (Book: b, Weight: weights[b.Id]))
            .OrderByDescending(x => x.Weight)
            .ThenByDescending(x => preferred(x.Book))
            .ThenByDescending(x => Units(unitsBySku, x.Book));

    private static List<ScoredBook> FillWithPopular(
        IEnumerable<ScoredBook> matches, CatalogIndex catalog, IReadOnlyDictionary<string, long> unitsBySku, HashSet<Guid> exclude, int limit)
    {
        var picked = matches.Take(limit).ToList();
        if (picked.Count < limit)
        {
            exclude.UnionWith(picked.Select(s => s.Book.Id));
            picked.AddRange(Popular(catalog, unitsBySku, exclude, limit - picked.Count).Select(s => s with { Score = Round(s.Score / 2) }));
        }
        return picked;
    }

    private static long Units(IReadOnlyDictionary<string, long> unitsBySku, CatalogBook book) =>
        unitsBySku.GetValueOrDefault(book.Sku.ToUpperInvariant());

    private static double Round(double score) => Math.Round(score, 4);
}
