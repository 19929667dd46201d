using K8Shop.Contracts.Catalog;
using K8Shop.Grains.Catalog;
using K8Shop.Grains.Catalog.Seed;

namespace K8Shop.UnitTests.Matching;

public sealed class CatalogMatchingTests
{
    private static readonly Product[] OriginalSix =
        [.. CatalogSeed.Load().Take(6).Select(d => CatalogSeed.ToProduct(d, TestData.Epoch))];

    private static string[] Skus(CatalogQuery query, IEnumerable<Product>? products = null) =>
        [.. CatalogMatching.Search(products ?? OriginalSix, query).Items.Select(p => p.Sku)];

    [Fact]
    public void Search_OriginalSixDefaultOrder_IsTitleCaseInsensitive()
    {
        Assert.Equal(
            ["BOOK-005", "BOOK-002", "BOOK-004", "BOOK-003", "BOOK-006", "BOOK-001"],
            Skus(CatalogQuery.All));
    }

    [Fact]
    public void Order_TitlesInMixedCase_IgnoresCase()
    {
        Product[] products = [TestData.Product("C", "cherry"), TestData.Product("B", "Banana"), TestData.Product("A", "apple")];

        Assert.Equal(["A", "B", "C"], Skus(CatalogQuery.All, products));
    }

    [Theory]
    [InlineData("pragmatic", new[] { "BOOK-001" })]
    [InlineData("DEEP WORK", new[] { "BOOK-004" })]
    [InlineData("book-00", new[] { "BOOK-005", "BOOK-002", "BOOK-004", "BOOK-003", "BOOK-006", "BOOK-001" })]
    [InlineData("BOOK-003", new[] { "BOOK-003" })]
    [InlineData("data-intensive", new[] { "BOOK-003" })]
    [InlineData("kubernetes", new string[0])]
    public void Search_Text_MatchesTitleOrSkuIgnoringCase(string text, string[] expected)
    {
        Assert.Equal(expected, Skus(new CatalogQuery(Text: text)));
    }

    [Theory]
    [InlineData("%", new[] { "P" })]
    [InlineData("100%", new[] { "P" })]
    [InlineData("_", new[] { "U" })]
    [InlineData("a_b", new[] { "U" })]
    [InlineData("Deep%Work", new string[0])]
    [InlineData("D__p", new string[0])]
    [InlineData("[a-z]", new[] { "R" })]
    public void Search_TextWithLikeOrRegexCharacters_MatchesLiterally(string text, string[] expected)
    {
        Product[] products =
        [
            TestData.Product("P", "100% Kotlin"),
            TestData.Product("U", "snake a_b case"),
            TestData.Product("R", "Regex [a-z] Cookbook"),
            TestData.Product("W", "Deep Work"),
        ];

        Assert.Equal(expected, Skus(new CatalogQuery(Text: text), products));
    }

    [Theory]
    [InlineData("programming", new[] { "BOOK-002", "BOOK-001" })]
    [InlineData("PROGRAMMING", new[] { "BOOK-002", "BOOK-001" })]
    [InlineData("Distributed-Systems", new[] { "BOOK-003" })]
    [InlineData("program", new string[0])]
    public void Search_Tag_EqualsOneTagIgnoringCase(string tag, string[] expected)
    {
        Assert.Equal(expected, Skus(new CatalogQuery(Tag: tag)));
    }

    [Fact]
    public void Search_MinAndMax_AreInclusive()
    {
        var skus = Skus(new CatalogQuery(MinPrice: 24.00m, MaxPrice: 38.50m));

        Assert.Equal(["BOOK-002", "BOOK-004", "BOOK-006"], skus);
    }

    [Fact]
    public void Search_MinOnly_ExcludesCheaperBooks()
    {
        Assert.Equal(["BOOK-003", "BOOK-001"], Skus(new CatalogQuery(MinPrice: 44.95m)));
    }

    [Fact]
    public void Search_AllFilters_AreAnded()
    {
        var query = new CatalogQuery(Text: "c", Tag: "programming", MaxPrice: 40m);

        Assert.Equal(["BOOK-002"], Skus(query));
    }

    [Fact]
    public void Search_PriceAscending_OrdersCheapestFirst()
    {
        Assert.Equal(
            ["BOOK-005", "BOOK-004", "BOOK-006", "BOOK-002", "BOOK-001", "BOOK-003"],
            Skus(new CatalogQuery(Sort: CatalogSort.PriceAscending)));
    }

    [Fact]
    public void Search_PriceDescending_OrdersDearestFirst()
    {
        Assert.Equal(
            ["BOOK-003", "BOOK-001", "BOOK-002", "BOOK-006", "BOOK-004", "BOOK-005"],
            Skus(new CatalogQuery(Sort: CatalogSort.PriceDescending)));
    }

    [Fact]
    public void Search_Newest_OrdersByYearDescendingWithUnknownYearsLast()
    {
        Product[] products =
        [
            TestData.Product("NONE", "No Year"),
            TestData.Product("Y1999", "Old", year: 1999),
            TestData.Product("Y2020", "New", year: 2020),
            TestData.Product("Y2001", "Middle", year: 2001),
        ];

        Assert.Equal(["Y2020", "Y2001", "Y1999", "NONE"], Skus(new CatalogQuery(Sort: CatalogSort.Newest), products));
    }

    [Fact]
    public void Search_SecondPageOfTwo_ReturnsThirdAndFourthWithFullTotal()
    {
        var page = CatalogMatching.Search(OriginalSix, new CatalogQuery(Page: 2, PageSize: 2));

        Assert.Equal(6, page.Total);
        Assert.Equal(["BOOK-004", "BOOK-003"], page.Items.Select(p => p.Sku));
    }

    [Fact]
    public void Search_PageBeyondTheEnd_ReturnsNoItemsButTotal()
    {
        var page = CatalogMatching.Search(OriginalSix, new CatalogQuery(Page: 4, PageSize: 2));

        Assert.Empty(page.Items);
        Assert.Equal(6, page.Total);
    }

    [Fact]
    public void Search_FilteredAndPaged_TotalCountsAllMatches()
    {
        var page = CatalogMatching.Search(OriginalSix, new CatalogQuery(MaxPrice: 30m, PageSize: 1));

        Assert.Equal(3, page.Total);
        Assert.Equal("BOOK-005", Assert.Single(page.Items).Sku);
    }

    [Fact]
    public void Search_NoPageSizeOverWholeSeed_ReturnsEverything()
    {
        var all = CatalogSeed.Load().Select(d => CatalogSeed.ToProduct(d, TestData.Epoch)).ToList();

        var page = CatalogMatching.Search(all, CatalogQuery.All);

        Assert.Equal(all.Count, page.Total);
        Assert.Equal(all.Count, page.Items.Count);
    }

    [Fact]
    public void Matches_EmptyTextAndTag_AreNoFilter()
    {
        Assert.True(CatalogMatching.Matches(OriginalSix[0], new CatalogQuery(Text: "", Tag: "")));
    }
}
