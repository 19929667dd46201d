using System.Collections.Immutable;
using K8Shop.Grains.Recommendations;
using static K8Shop.UnitTests.Recommendations.Books;

namespace K8Shop.UnitTests.Recommendations;

/// <summary>Shoppers' tastes from events, "because you bought", "rated highly by shoppers with similar purchases", recently viewed.</summary>
public sealed class TasteTests
{
    private static readonly HashSet<string> Nothing = new(StringComparer.OrdinalIgnoreCase);

    private static ShopperTaste Taste(string[] bought, params (string Sku, int Rating)[] ratings) =>
        new([.. bought], [.. ratings.Select(r => new BookRating(r.Sku, r.Rating))]);

    [Fact]
    public void ApplyOrder_RepeatedOrCancelled_CountsOnceAndCancelledBuysNothing()
    {
        var state = new ShopperTasteState();

        Assert.True(TasteTally.ApplyOrder(state, "o1", false, ["b-1", "B-2"], 10));
        Assert.False(TasteTally.ApplyOrder(state, "o1", false, ["B-1", "B-2"], 10));
        Assert.True(TasteTally.ApplyOrder(state, "o2", false, ["B-3"], 10));
        Assert.Equal(["B-3", "B-1", "B-2"], TasteTally.View(state).Bought.ToArray());

        Assert.True(TasteTally.ApplyOrder(state, "o1", true, ["B-1", "B-2"], 10));
        Assert.False(TasteTally.ApplyOrder(state, "o1", true, ["B-1", "B-2"], 10));
        // A confirmation delivered after its cancellation does not bring the order back.
        Assert.False(TasteTally.ApplyOrder(state, "o1", false, ["B-1", "B-2"], 10));
        Assert.Equal(["B-3"], TasteTally.View(state).Bought.ToArray());
    }

    [Fact]
    public void ApplyOrder_KeepsOnlyTheLatestOrders()
    {
        var state = new ShopperTasteState();
        for (var i = 0; i < 5; i++)
            TasteTally.ApplyOrder(state, $"o{i}", false, [$"B-{i}"], 3);

        Assert.Equal(["B-4", "B-3", "B-2"], TasteTally.View(state).Bought.ToArray());
    }

    [Fact]
    public void ApplyReview_HiddenRatingIsGoneForGood_AndAnEditChangesTheRating()
    {
        var state = new ShopperTasteState();

        Assert.True(TasteTally.ApplyReview(state, "r1", "b-1", 5, visible: true, 10));
        Assert.False(TasteTally.ApplyReview(state, "r1", "B-1", 5, visible: true, 10));
        Assert.True(TasteTally.ApplyReview(state, "r2", "B-2", 3, visible: true, 10));
        Assert.True(TasteTally.ApplyReview(state, "r2", "B-2", 4, visible: true, 10));
        Assert.Equal([new BookRating("B-1", 5), new BookRating("B-2", 4)], TasteTally.View(state).Ratings.ToArray());

        Assert.True(TasteTally.ApplyReview(state, "r1", "B-1", 5, visible: false, 10));
        Assert.False(TasteTally.ApplyReview(state, "r1", "B-1", 5, visible: true, 10));
        Assert.Equal([new BookRating("B-2", 4)], TasteTally.View(state).Ratings.ToArray());
    }

    [Fact]
    public void RatedBySimilar_CountsShoppersWhoRatedFourOrMore_NeverWhatTheShopperOwns()
    {
        var similar = new[]
        {
            Taste(["B-1"], ("B-5", 5), ("B-6", 3), ("B-1", 5)),
            Taste(["B-1"], ("B-5", 4), ("B-7", 4)),
            Taste(["B-1"], ("B-7", 2)),
        };
        var owned = new HashSet<string>(["b-1"], StringComparer.OrdinalIgnoreCase);

        var rated = TasteRanking.RatedBySimilar(similar, owned);

        Assert.Equal(2, rated["B-5"]);
        Assert.Equal(1, rated["B-7"]);
        Assert.False(rated.ContainsKey("B-6"));
        Assert.False(rated.ContainsKey("B-1"));
    }

    [Fact]
    public void BecauseYouBought_NeverABookBought_AndBoughtTogetherAndRatedBooksLead()
    {
        var owned = new HashSet<string>([Pragmatic.Sku, CleanArch.Sku], StringComparer.OrdinalIgnoreCase);
        var boughtWith = new Dictionary<string, int> { [Hobbit.Sku] = 1, [CleanArch.Sku] = 4 };
        var rated = new Dictionary<string, int> { [Atlas.Sku] = 2 };

        var books = RecommendationRanking.BecauseYouBought(Shelf, Pragmatic, owned, boughtWith, rated, NoSales, 10);

        var skus = books.Select(b => b.Sku).ToArray();
        Assert.DoesNotContain(Pragmatic.Sku, skus);
        Assert.DoesNotContain(CleanArch.Sku, skus);
        // Atlas: rated highly by 2 similar shoppers (4); Hobbit: bought together once (3); then books sharing Pragmatic's tags.
        Assert.Equal([Atlas.Sku, Hobbit.Sku], skus.Take(2));
        Assert.Equal(new[] { CleanCode.Sku, Sicp.Sku, Dune.Sku }.Order(), skus.Skip(2).Order());
    }

    [Fact]
    public void Personalized_BooksRatedHighlyBySimilarShoppers_RankAmongTheMatches()
    {
        var history = new[] { Hobbit };
        var rated = new Dictionary<string, int> { [Atlas.Sku] = 1 };

        var without = RecommendationRanking.Personalized(Shelf, history, NoSales, 3);
        var with = RecommendationRanking.Personalized(Shelf, history, NoSales, 3, rated);

        Assert.Equal(Atlas.Sku, with[0].Book.Sku);
        Assert.Equal(1.0, with[0].Score);
        Assert.NotEqual(Atlas.Sku, without[0].Book.Sku);
        Assert.DoesNotContain(with, s => s.Book.Sku == Hobbit.Sku);
        AssertScoresDescendInRange(with);
    }

    [Fact]
    public void Viewed_Put_NewestFirstEachOnceBounded()
    {
        ImmutableArray<string> skus = [];
        foreach (var sku in new[] { "B-1", "B-2", "B-3", "b-1", "B-4" })
            skus = Viewed.Put(skus, sku, 3);

        Assert.Equal(["B-4", "b-1", "B-3"], skus.ToArray());
    }
}
