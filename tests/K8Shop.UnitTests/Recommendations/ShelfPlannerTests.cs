using K8Shop.Contracts.Recommendations;
using K8Shop.Grains.Recommendations;
using static K8Shop.UnitTests.Recommendations.Books;

namespace K8Shop.UnitTests.Recommendations;

/// <summary>The home shelves: each appears only with enough books, tells why, and never dresses title order up as popular.</summary>
public sealed class ShelfPlannerTests
{
    private static readonly ShelfSettings Settings = new(MinItems: 3, Size: 4, MinOrders: 2);

    // Ten books: A..J in title order; four tagged best-seller; six with a publication year; one out of stock.
    private static readonly CatalogBook[] All =
    [
        Book("S-A", "A book", ["best-seller"], year: 2001),
        Book("S-B", "B book", ["best-seller"], year: 2015),
        Book("S-C", "C book", ["best-seller"]),
        Book("S-D", "D book", ["best-seller"], year: 2020, stock: 0),
        Book("S-E", "E book", ["x"], year: 2022),
        Book("S-F", "F book", ["x"], year: 2010),
        Book("S-G", "G book", ["x"], year: 2018),
        Book("S-H", "H book", ["x"]),
        Book("S-I", "I book", ["x"]),
        Book("S-J", "J book", ["x"]),
    ];

    private static readonly CatalogIndex Catalog = new(All);

    private static CatalogBook B(string sku) => All.Single(b => b.Sku == sku);

    private static ShelfInputs FreshShop() => new(Catalog, RecentSales.Empty, NoSales, [], null, null);

    private static RecentSales Recent(int orders, params (string Sku, long Units)[] units) =>
        new([.. units.Select(u => new SkuSales(u.Sku, u.Units))], orders, 7);

    private static string[] Ids(IEnumerable<Shelf> shelves) => [.. shelves.Select(s => s.Id)];

    private static string[] Items(Shelf shelf) => [.. shelf.Items.Select(p => p.Sku)];

    [Fact]
    public void FreshShop_NoPopularNowNoAlphabeticalList_OnlyWhatTheCatalogKnows()
    {
        var shelves = ShelfPlanner.Plan(FreshShop(), Settings);

        Assert.Equal([ShelfIds.BestSellers, ShelfIds.NewArrivals], Ids(shelves));
        var bestSellers = shelves[0];
        Assert.Equal("Marked best-sellers in our catalog", bestSellers.Reason);
        Assert.All(bestSellers.Items, p => Assert.Contains("best-seller", p.Tags));
        // In stock first: D (out of stock) is last although it is tagged too.
        Assert.Equal(["S-A", "S-B", "S-C", "S-D"], Items(bestSellers));
        // New arrivals by publication year, newest first; the best-sellers' books are not repeated.
        Assert.Equal(["S-E", "S-G", "S-F"], Items(shelves[1]));
        Assert.DoesNotContain(shelves.SelectMany(s => s.Items), p => p.Sku == "S-H");
    }

    [Fact]
    public void PopularNow_FewerOrdersThanTheMinimum_IsLeftOutEvenWithBooksSold()
    {
        var inputs = FreshShop() with { Recent = Recent(1, ("S-H", 9), ("S-I", 5), ("S-J", 1)) };

        Assert.DoesNotContain(ShelfIds.PopularNow, Ids(ShelfPlanner.Plan(inputs, Settings)));
    }

    [Fact]
    public void PopularNow_EnoughOrdersAndBooks_ShowsTheWindowsSalesMostFirstWithItsReason()
    {
        var inputs = FreshShop() with { Recent = Recent(2, ("S-H", 9), ("S-I", 5), ("S-J", 1)) };

        var popular = ShelfPlanner.Plan(inputs, Settings).Single(s => s.Id == ShelfIds.PopularNow);

        Assert.Equal(["S-H", "S-I", "S-J"], Items(popular));
        Assert.Equal(("Popular now", "Most bought in the last 7 days"), (popular.Title, popular.Reason));
    }

    [Fact]
    public void PopularNow_TooFewBooksSold_IsLeftOut()
    {
        var inputs = FreshShop() with { Recent = Recent(5, ("S-H", 9), ("S-I", 5)) };

        Assert.DoesNotContain(ShelfIds.PopularNow, Ids(ShelfPlanner.Plan(inputs, Settings)));
    }

    [Fact]
    public void BestSellers_EnoughBooksSoldAllTime_RanksBySalesNotByTag()
    {
        var inputs = FreshShop() with { AllTimeUnits = new Dictionary<string, long> { ["S-J"] = 9, ["S-H"] = 7, ["S-E"] = 3 } };

        var bestSellers = ShelfPlanner.Plan(inputs, Settings).Single(s => s.Id == ShelfIds.BestSellers);

        Assert.Equal(["S-J", "S-H", "S-E"], Items(bestSellers));
        Assert.Equal("Most bought since the shop opened", bestSellers.Reason);
    }

    [Fact]
    public void BestSellers_AllTimeSalesAreTheSameBooksAsPopularNow_FallsBackOnTheCatalogsTag()
    {
        var sold = new Dictionary<string, long> { ["S-J"] = 9, ["S-H"] = 7, ["S-E"] = 3 };
        var inputs = FreshShop() with { AllTimeUnits = sold, Recent = Recent(3, ("S-J", 9), ("S-H", 7), ("S-E", 3)) };

        var shelves = ShelfPlanner.Plan(inputs, Settings);

        Assert.Equal(["S-J", "S-H", "S-E"], Items(shelves.Single(s => s.Id == ShelfIds.PopularNow)));
        var bestSellers = shelves.Single(s => s.Id == ShelfIds.BestSellers);
        Assert.Equal("Marked best-sellers in our catalog", bestSellers.Reason);
        Assert.Equal(["S-A", "S-B", "S-C", "S-D"], Items(bestSellers));
    }

    [Fact]
    public void Shelves_NeverRepeatABookWhenAvoidable_AndTakeOneAgainOnlyToReachTheMinimum()
    {
        // Popular now claims E, G, H, I and best-sellers A, B, C, D: new arrivals has only F left.
        var inputs = FreshShop() with { Recent = Recent(3, ("S-E", 9), ("S-G", 8), ("S-H", 7), ("S-I", 6)) };

        var shelves = ShelfPlanner.Plan(inputs, Settings);

        Assert.Equal([ShelfIds.PopularNow, ShelfIds.BestSellers, ShelfIds.NewArrivals], Ids(shelves));
        var popular = Items(shelves[0]);
        var bestSellers = Items(shelves[1]);
        Assert.Empty(popular.Intersect(bestSellers));
        var arrivals = Items(shelves[2]);
        Assert.Equal(Settings.MinItems, arrivals.Length);
        // F is its one fresh book; E and D, the newest already on a shelf, fill it to the minimum; D (out of stock) goes last.
        Assert.Equal(["S-E", "S-F", "S-D"], arrivals);
    }

    [Fact]
    public void RecentlyViewed_ClaimsItsBooksFirst_AndOutOfStockNeverLeads()
    {
        var viewed = new[] { B("S-D"), B("S-A"), B("S-B") };
        var inputs = FreshShop() with { RecentlyViewed = viewed };

        var shelves = ShelfPlanner.Plan(inputs, Settings);

        var recently = shelves.Single(s => s.Id == ShelfIds.RecentlyViewed);
        Assert.Equal(["S-A", "S-B", "S-D"], Items(recently));
        Assert.Equal(ShelfIds.RecentlyViewed, shelves[^1].Id);
        // Best-sellers falls back on A, B or D only to reach its minimum: C is its one fresh book.
        Assert.Contains("S-C", Items(shelves.Single(s => s.Id == ShelfIds.BestSellers)));
    }

    [Fact]
    public void BecauseYouBought_IsTitledByTheBookAndShownFirst()
    {
        var pick = new PersonalPick(B("S-A"), [B("S-H"), B("S-I"), B("S-J")]);

        var shelves = ShelfPlanner.Plan(FreshShop() with { BecauseYouBought = pick }, Settings);

        Assert.Equal(ShelfIds.BecauseYouBought, shelves[0].Id);
        Assert.Equal("Because you bought A book", shelves[0].Title);
        Assert.Equal(["S-H", "S-I", "S-J"], Items(shelves[0]));
    }

    [Fact]
    public void Shelves_AtMostSizeBooks_AndAShelfWithTooFewIsLeftOut()
    {
        var pick = new PersonalPick(B("S-A"), [B("S-H"), B("S-I")]);

        var shelves = ShelfPlanner.Plan(FreshShop() with { BecauseYouBought = pick, TopRated = [.. All] }, Settings);

        Assert.DoesNotContain(ShelfIds.BecauseYouBought, Ids(shelves));
        Assert.All(shelves, s => Assert.InRange(s.Items.Length, Settings.MinItems, Settings.Size));
        Assert.Contains(ShelfIds.TopRated, Ids(shelves));
    }
}
