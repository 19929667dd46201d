using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;
using K8Shop.Grains.Catalog;
using K8Shop.Grains.Catalog.Search;

namespace K8Shop.IntegrationTests.Catalog.Search;

/// <summary>
/// The search's contract, one suite for both stores (memory in <see cref="MemoryCatalogSearchTests"/>, real PostgreSQL in
/// <see cref="PostgresCatalogSearchTests"/>): the seed's books for authors, ISBNs, typos, word order, phrases, exclusions
/// and <c>or</c>; books of a test's own (named by a word no other book has) for ranking, facets, paging and ratings.
/// </summary>
public abstract partial class CatalogSearchTests(ISearchStoreFixture fixture)
{
    private ICatalogSearch Search => fixture.Search;

    [Fact]
    public async Task Author_Surname_FindsEachOfTheirBooksWithTheAuthorHighlighted()
    {
        var result = await Search.SearchAsync(Query("fowler"));

        Assert.Equal(["BOOK-007", "BOOK-027"], Skus(result).Order());
        var hit = result.Items[0];
        var author = Assert.Single(hit.Highlights, h => h.Field == "author");
        Assert.Equal("Fowler", hit.Product.Author!.Substring(author.Ranges[0].Start, author.Ranges[0].Length));
    }

    [Theory]
    [InlineData("9780135957059")]
    [InlineData("978-0-13-595705-9")]
    [InlineData("978 0 13 595705 9")]
    [InlineData("0135957052")]
    [InlineData("0-13-595705-2")]
    public async Task Isbn_In_Any_Form_FindsTheBook(string isbn)
    {
        var result = await Search.SearchAsync(Query(isbn));

        Assert.Equal(["BOOK-001"], Skus(result));
        Assert.Contains(result.Items[0].Highlights, h => h.Field == "isbn");
    }

    [Fact]
    public async Task Typo_InATitleWord_StillFindsTheBookAndOffersTheSpelling()
    {
        var result = await Search.SearchAsync(Query("pragmatic programer"));

        Assert.Equal("BOOK-001", Skus(result).First());
        Assert.Equal("pragmatic programmer", result.DidYouMean);
        var title = Assert.Single(result.Items[0].Highlights, h => h.Field == "title");
        Assert.Equal([new TextRange(4, 9), new TextRange(14, 10)], title.Ranges.AsEnumerable());
    }

    [Fact]
    public async Task WordOrder_AuthorThenTitle_FindsTheBookFirst()
    {
        var result = await Search.SearchAsync(Query("fowler refactoring"));

        Assert.Equal(["BOOK-007"], Skus(result));
        Assert.Null(result.DidYouMean);
    }

    [Fact]
    public async Task QuotedPhrase_MatchesOnlyTheWordsSideBySide()
    {
        var loose = await Search.SearchAsync(Query("design patterns"));
        var phrase = await Search.SearchAsync(Query("\"design patterns\""));

        Assert.Contains("BOOK-008", Skus(phrase));
        Assert.Contains("BOOK-026", Skus(phrase));
        Assert.All(phrase.Items, h => Assert.Contains("design patterns", Text(h.Product), StringComparison.OrdinalIgnoreCase));
        Assert.True(loose.Total > phrase.Total, $"loose {loose.Total}, phrase {phrase.Total}");
    }

    [Fact]
    public async Task Exclusion_DropsTheBooksWithTheWord()
    {
        var all = await Search.SearchAsync(Query("\"design patterns\""));
        var without = await Search.SearchAsync(Query("\"design patterns\" -head"));

        Assert.Contains("BOOK-026", Skus(all));
        Assert.DoesNotContain("BOOK-026", Skus(without));
        Assert.Contains("BOOK-008", Skus(without));
        Assert.Equal(all.Total - 1, without.Total);
    }

    [Fact]
    public async Task Or_FindsEitherAuthor()
    {
        var result = await Search.SearchAsync(Query("fowler or beck"));

        // Simone Beck, and the Beckers (longer words starting with a word match too).
        Assert.Equal(["BOOK-007", "BOOK-024", "BOOK-025", "BOOK-027", "BOOK-145", "BOOK-146"], Skus(result).Order());
        Assert.All(result.Items, h => Assert.Matches("(?i)fowler|beck", h.Product.Author));
    }

    [Fact]
    public async Task Relevance_PutsATitleHitAboveADescriptionHit()
    {
        var token = Token();
        await CreateAsync(token, "D", $"A Quiet Book", description: $"Mentions {token} once, in passing.");
        await CreateAsync(token, "T", $"The {token} Handbook");

        var result = await Search.SearchAsync(Query(token));

        Assert.Equal([Sku(token, "T"), Sku(token, "D")], Skus(result));
        Assert.Contains(result.Items[1].Highlights, h => h.Field == "description");
    }

    [Fact]
    public async Task Writes_KeepTheIndexCurrent()
    {
        var token = Token();
        var other = Token();
        var created = await CreateAsync(token, "A", $"The {token} Atlas");
        var found = await Search.SearchAsync(Query(token));

        await fixture.Store.UpdateAsync(created.Sku, Draft(created.Sku, $"The {other} Atlas"));
        var afterUpdate = (await Search.SearchAsync(Query(token))).Total;
        var renamed = await Search.SearchAsync(Query(other));
        await fixture.Store.DeleteAsync(created.Sku);
        var afterDelete = (await Search.SearchAsync(Query(other))).Total;
        var suggestions = await Search.SuggestAsync(other, 8);

        Assert.Equal([created.Sku], Skus(found));
        Assert.Equal(0, afterUpdate);
        Assert.Equal([created.Sku], Skus(renamed));
        Assert.Equal(0, afterDelete);
        Assert.Empty(suggestions);
    }

    [Fact]
    public async Task NothingMatches_ButACloseSpellingExists_OffersIt()
    {
        var result = await Search.SearchAsync(Query("martin refactorinnnng"));

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Items);
        Assert.Equal("martin refactoring", result.DidYouMean);
    }

    [Fact]
    public async Task NothingMatches_AndNothingIsClose_OffersNoSpelling()
    {
        var result = await Search.SearchAsync(Query("qqxxzz"));

        Assert.Equal(0, result.Total);
        Assert.Null(result.DidYouMean);
        Assert.Empty(result.Facets.Tags);
        Assert.Empty(result.Facets.PriceBands);
    }

    protected static BookSearchQuery Query(string text, SearchSort sort = SearchSort.Relevance) => new(Text: text, Sort: sort);

    protected static List<string> Skus(BookSearchResult result) => [.. result.Items.Select(i => i.Product.Sku)];

    private static string Text(Product p) => string.Join(' ', p.Title, p.Author, p.Description, string.Join(' ', p.Tags));

    /// <summary>A word of letters no other book has, so a test sees only its own books.</summary>
    protected static string Token() => "zq" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    /// <summary>A test book's SKU: not the token itself, so only the fields under test hold the token.</summary>
    protected static string Sku(string token, string suffix) => new string([.. token.Reverse()]) + "-" + suffix;

    protected async Task<Product> CreateAsync(
        string token, string suffix, string title, string? description = null, string? author = null,
        decimal price = 20m, int stock = 5, ImmutableArray<string>? tags = null) =>
        await fixture.Store.CreateAsync(Draft(Sku(token, suffix), title, description, author, price, stock, tags));

    private static ProductDraft Draft(
        string sku, string title, string? description = null, string? author = null, decimal price = 20m, int stock = 5, ImmutableArray<string>? tags = null) =>
        new(sku, title, description, price, null, tags ?? [], stock, author, null, null);
}
