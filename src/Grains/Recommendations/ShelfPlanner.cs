using System.Collections.Immutable;
using K8Shop.Contracts.Recommendations;

namespace K8Shop.Grains.Recommendations;

/// <summary>What the shelves are planned from; the personal parts are empty or null for an anonymous visitor.</summary>
public sealed record ShelfInputs(
    CatalogIndex Catalog,
    RecentSales Recent,
    IReadOnlyDictionary<string, long> AllTimeUnits,
    IReadOnlyList<CatalogBook> RecentlyViewed,
    PersonalPick? BecauseYouBought,
    IReadOnlyList<CatalogBook>? TopRated);

/// <summary>The book a shopper bought last and the books it leads to.</summary>
public sealed record PersonalPick(CatalogBook Source, IReadOnlyList<CatalogBook> Books);

/// <summary>How full a shelf must be to appear, how full it may be, and how many orders make "popular now" real.</summary>
public sealed record ShelfSettings(int MinItems, int Size, int MinOrders)
{
    public static ShelfSettings From(RecommendationOptions o) => new(o.ShelfMinItems, o.ShelfSize, o.PopularMinOrders);
}

/// <summary>
/// The home shelves, pure. Each shelf tells the truth about why its books are there, and appears only with at least
/// <see cref="ShelfSettings.MinItems"/> books: "popular now" only from orders confirmed inside the window once there
/// are <see cref="ShelfSettings.MinOrders"/> of them; "best-sellers" from all-time sales (when they hold enough books
/// "popular now" does not show), else from the catalog's own best-seller tag; "new arrivals" by publication year; never a list of books in title order dressed up as popular.
/// A book goes to the first shelf that claims it (the shopper's own shelves first); a later shelf takes it again only
/// when it would otherwise fall short. Within a shelf, books in stock come first, each group in its ranking's order.
/// </summary>
public static class ShelfPlanner
{
    /// <summary>The order shelves are shown in.</summary>
    public static readonly ImmutableArray<string> DisplayOrder =
        [ShelfIds.BecauseYouBought, ShelfIds.PopularNow, ShelfIds.BestSellers, ShelfIds.TopRated, ShelfIds.NewArrivals, ShelfIds.RecentlyViewed];

    public static ImmutableArray<Shelf> Plan(ShelfInputs inputs, ShelfSettings settings)
    {
        var claimed = new HashSet<Guid>();
        var shelves = new List<Shelf>();
        bool Add(string id, string title, string reason, IEnumerable<CatalogBook> ranked)
        {
            if (Pick(ranked, claimed, settings) is not { } books)
                return false;
            shelves.Add(new Shelf(id, title, reason, [.. books.Select(b => b.Product)]));
            return true;
        }

        // Claim order: the shopper's own trail and purchases first, then what the shop knows, most telling first.
        Add(ShelfIds.RecentlyViewed, "Recently viewed", "Books you looked at, latest first", inputs.RecentlyViewed);
        if (inputs.BecauseYouBought is { } pick)
            Add(ShelfIds.BecauseYouBought, $"Because you bought {pick.Source.Title}",
                "Bought together with it, rated highly by shoppers with similar purchases, or by the same author or on the same subjects", pick.Books);
        if (inputs.Recent.Orders >= settings.MinOrders)
            Add(ShelfIds.PopularNow, "Popular now", $"Most bought in the last {Days(inputs.Recent.Days)}", Ranked(inputs.Catalog, inputs.Recent.Skus.ToDictionary(s => s.Sku, s => s.Units)));
        // All-time sales when they hold enough books of their own (not the same books as "popular now" again); else the
        // catalog's best-seller tag; else all-time sales even if they repeat.
        var bestSelling = Ranked(inputs.Catalog, inputs.AllTimeUnits);
        const string bestSellersBySales = "Most bought since the shop opened";
        var bySales = bestSelling.Count(b => !claimed.Contains(b.Id)) >= settings.MinItems
            && Add(ShelfIds.BestSellers, "Best-sellers", bestSellersBySales, bestSelling);
        if (!bySales && !Add(ShelfIds.BestSellers, "Best-sellers", "Marked best-sellers in our catalog",
                inputs.Catalog.Books.Where(b => b.Tags.Contains(RecommendationRanking.BestSellerTag))))
            Add(ShelfIds.BestSellers, "Best-sellers", bestSellersBySales, bestSelling);
        if (inputs.TopRated is { } topRated)
            Add(ShelfIds.TopRated, "Top rated", "Highest average rating from verified buyers", topRated);
        Add(ShelfIds.NewArrivals, "New arrivals", "Newest publications first",
            inputs.Catalog.Books.Where(b => b.Product.PublishedYear is not null)
                .OrderByDescending(b => b.Product.PublishedYear).ThenByDescending(b => b.Product.CreatedAt));

        return [.. shelves.OrderBy(s => DisplayOrder.IndexOf(s.Id))];
    }

    /// <summary>
    /// Up to <see cref="ShelfSettings.Size"/> books not claimed yet; claimed ones only to reach the minimum; null when
    /// even then there are too few. Books in stock first.
    /// </summary>
    private static List<CatalogBook>? Pick(IEnumerable<CatalogBook> ranked, HashSet<Guid> claimed, ShelfSettings settings)
    {
        var candidates = ranked.DistinctBy(b => b.Id).ToList();
        var picked = candidates.Where(b => !claimed.Contains(b.Id)).Take(settings.Size).ToList();
        if (picked.Count < settings.MinItems)
        {
            var again = candidates.Where(b => claimed.Contains(b.Id)).Take(settings.MinItems - picked.Count).ToHashSet();
            picked = [.. candidates.Where(b => again.Contains(b) || picked.Contains(b))];
        }
        if (picked.Count < settings.MinItems)
            return null;
        claimed.UnionWith(picked.Select(b => b.Id));
        return [.. picked.Where(b => b.InStock).Concat(picked.Where(b => !b.InStock))];
    }

    /// <summary>Catalog books with units sold, most first (stable: ties keep title order).</summary>
    private static List<CatalogBook> Ranked(CatalogIndex catalog, IReadOnlyDictionary<string, long> units) =>
        [.. catalog.Books
            .Select(b => (Book: b, Units: units.GetValueOrDefault(b.Sku.ToUpperInvariant())))
            .Where(x => x.Units > 0)
            .OrderByDescending(x => x.Units)
            .Select(x => x.Book)];

    private static string Days(int days) => days == 1 ? "day" : $"{days} days";
}
