using K8Shop.Grains.Recommendations;
using static K8Shop.UnitTests.Recommendations.Books;

namespace K8Shop.UnitTests.Recommendations;

public sealed class RecommendationRankingTests
{
    [Fact]
    public void Popular_NoSales_ListsBestSellersThenTheRestEachInTitleOrder()
    {
        var books = RecommendationRanking.Popular(Shelf, NoSales, new HashSet<Guid>(), 7);

        Assert.Equal(["B-002", "B-005", "B-001", "B-007", "B-003", "B-004", "B-006"], Skus(books));
        Assert.Equal([0.4, 0.4, 0.4, 0.2, 0.2, 0.2, 0.2], books.Select(b => b.Score));
    }

    [Fact]
    public void Popular_WithSales_RanksByUnitsSoldAboveUnsoldBooks()
    {
        var sales = new Dictionary<string, long> { ["B-006"] = 10, ["B-007"] = 5, ["NOT-IN-CATALOG"] = 99 };

        var books = RecommendationRanking.Popular(Shelf, sales, new HashSet<Guid>(), 4);

        Assert.Equal(["B-006", "B-007", "B-002", "B-005"], Skus(books));
        Assert.Equal([1.0, 0.75, 0.4, 0.4], books.Select(b => b.Score));
    }

    [Fact]
    public void Popular_NeverListsAnExcludedBookAndStopsAtTheLimit()
    {
        var books = RecommendationRanking.Popular(Shelf, NoSales, new HashSet<Guid> { CleanCode.Id, Dune.Id }, 2);

        Assert.Equal(["B-001", "B-007"], Skus(books));
    }

    [Fact]
    public void Related_RanksByTagsSharedAndNeverIncludesTheProduct()
    {
        var books = RecommendationRanking.Related(Shelf, Pragmatic, NoSales, 6);

        Assert.DoesNotContain("B-001", Skus(books));
        // Clean Code shares both tags; the others one, those carrying the first tag (programming) before Dune (best-seller).
        Assert.Equal(["B-002", "B-003", "B-004", "B-005"], Skus(books).Take(4));
        Assert.Equal([1.0, 0.75, 0.75, 0.75], books.Take(4).Select(b => b.Score));
        AssertScoresDescendInRange(books);
    }

    [Fact]
    public void Related_EqualTagsShared_TheBookSoldMoreComesFirst()
    {
        var books = RecommendationRanking.Related(Shelf, Pragmatic, new Dictionary<string, long> { ["B-004"] = 3 }, 2);

        Assert.Equal(["B-002", "B-004"], Skus(books));
    }

    [Fact]
    public void Related_FewerMatchesThanTheLimit_FillsUpWithPopularBooksScoredBelowEveryMatch()
    {
        var books = RecommendationRanking.Related(Shelf, Hobbit, NoSales, 3);

        // The Hobbit shares no tag with any book: every book is filler, at half its popular score.
        Assert.DoesNotContain("B-006", Skus(books));
        Assert.Equal(["B-002", "B-005", "B-001"], Skus(books));
        Assert.All(books, b => Assert.Equal(0.2, b.Score));
    }

    [Fact]
    public void Personalized_RanksBooksLikeTheHistoryAndExcludesWhatTheUserHas()
    {
        var books = RecommendationRanking.Personalized(Shelf, [CleanCode, Sicp], NoSales, 7);

        Assert.DoesNotContain("B-002", Skus(books));
        Assert.DoesNotContain("B-004", Skus(books));
        // Clean Architecture: programming (weight 2) + same author (2) = 4; Pragmatic: programming 2 + best-seller 1 = 3; Dune: 1.
        Assert.Equal(["B-003", "B-001", "B-005"], Skus(books).Take(3));
        Assert.Equal([1.0, 0.875, 0.625], books.Take(3).Select(b => b.Score));
        Assert.Equal(5, books.Count);
        AssertScoresDescendInRange(books);
    }

    [Fact]
    public void Personalized_NoHistory_IsExactlyPopular()
    {
        var sales = new Dictionary<string, long> { ["B-006"] = 2 };

        var personalized = RecommendationRanking.Personalized(Shelf, [], sales, 5);
        var popular = RecommendationRanking.Popular(Shelf, sales, new HashSet<Guid>(), 5);

        Assert.Equal(popular, personalized);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(50)]
    public void EveryStrategy_ScoresStayIn0To1AndNeverRiseAndLimitHolds(int limit)
    {
        var sales = new Dictionary<string, long> { ["B-003"] = 7, ["B-006"] = 1 };

        foreach (var books in new[]
        {
            RecommendationRanking.Popular(Shelf, sales, new HashSet<Guid>(), limit),
            RecommendationRanking.Related(Shelf, CleanArch, sales, limit),
            RecommendationRanking.Personalized(Shelf, [Dune], sales, limit),
        })
        {
            Assert.Equal(Math.Min(limit, Shelf.Books.Length - 1), Math.Min(books.Count, Shelf.Books.Length - 1));
            Assert.Equal(books.Count, books.Select(b => b.Book.Id).Distinct().Count());
            AssertScoresDescendInRange(books);
        }
    }

    [Theory]
    [InlineData("b-003")]
    [InlineData("B-003")]
    public void CatalogIndex_FindsBySkuInAnyCaseAndByUuid(string sku)
    {
        Assert.Same(CleanArch, Shelf.Find(sku));
        Assert.Same(CleanArch, Shelf.Find(CleanArch.Id.ToString("D").ToUpperInvariant()));
        Assert.Null(Shelf.Find(Guid.NewGuid().ToString()));
        Assert.Null(Shelf.Find("NO-SUCH"));
    }
}
