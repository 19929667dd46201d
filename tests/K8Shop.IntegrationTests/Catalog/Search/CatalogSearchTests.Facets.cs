using K8Shop.Contracts.Catalog;

namespace K8Shop.IntegrationTests.Catalog.Search;

public abstract partial class CatalogSearchTests
{
    [Fact]
    public async Task Facets_CountEachValueWithEveryOtherFilterApplied()
    {
        var token = Token();
        await CreateAsync(token, "1", $"{token} One", author: "Ann Able", price: 8m, stock: 3, tags: ["alpha", "beta"]);
        await CreateAsync(token, "2", $"{token} Two", author: "Ann Able", price: 12m, stock: 0, tags: ["alpha"]);
        await CreateAsync(token, "3", $"{token} Three", author: "Bob Baker", price: 30m, stock: 1, tags: ["beta"]);
        await CreateAsync(token, "4", $"{token} Four", author: "Bob Baker", price: 60m, stock: 2, tags: ["alpha"]);

        var all = await Search.SearchAsync(Query(token));
        var alpha = await Search.SearchAsync(Query(token) with { Tag = "ALPHA" });
        var alphaInStock = await Search.SearchAsync(Query(token) with { Tag = "alpha", InStock = true });
        var band = await Search.SearchAsync(Query(token) with { PriceBand = "10-25", Author = "ann able" });

        Assert.Equal(4, all.Total);
        Assert.Equal([new("alpha", 3), new("beta", 2)], all.Facets.Tags.AsEnumerable());
        Assert.Equal([new("Ann Able", 2), new("Bob Baker", 2)], all.Facets.Authors.AsEnumerable());
        Assert.Equal([new("0-10", 1), new("10-25", 1), new("25-50", 1), new("50+", 1)], all.Facets.PriceBands.AsEnumerable());
        Assert.Equal([new("true", 3), new("false", 1)], all.Facets.InStock.AsEnumerable());

        Assert.Equal([Sku(token, "1"), Sku(token, "2"), Sku(token, "4")], Skus(alpha).Order());
        Assert.Equal([new("alpha", 3), new("beta", 2)], alpha.Facets.Tags.AsEnumerable());
        Assert.Equal([new("Ann Able", 2), new("Bob Baker", 1)], alpha.Facets.Authors.AsEnumerable());
        Assert.Equal([new("0-10", 1), new("10-25", 1), new("50+", 1)], alpha.Facets.PriceBands.AsEnumerable());

        Assert.Equal(2, alphaInStock.Total);
        Assert.Equal([new("true", 2), new("false", 1)], alphaInStock.Facets.InStock.AsEnumerable());
        Assert.Equal([new("alpha", 2), new("beta", 2)], alphaInStock.Facets.Tags.AsEnumerable());

        Assert.Equal([Sku(token, "2")], Skus(band));
        Assert.Equal([new("0-10", 1), new("10-25", 1)], band.Facets.PriceBands.AsEnumerable());
        Assert.Equal([new("Ann Able", 1)], band.Facets.Authors.AsEnumerable());
    }

    [Fact]
    public async Task TagFilter_MatchesATagInAnyCase_AndTheFacetShowsItAsWritten()
    {
        var token = Token();
        await CreateAsync(token, "1", $"{token} Mixed", tags: ["Science-Fiction"]);
        await CreateAsync(token, "2", $"{token} Other", tags: ["science"]);

        var lower = await Search.SearchAsync(Query(token) with { Tag = "science-fiction" });
        var upper = await Search.SearchAsync(Query(token) with { Tag = "SCIENCE-FICTION" });

        Assert.Equal([Sku(token, "1")], Skus(lower));
        Assert.Equal([Sku(token, "1")], Skus(upper));
        Assert.Equal([new("Science-Fiction", 1), new("science", 1)], lower.Facets.Tags.AsEnumerable());
    }

    [Fact]
    public async Task StockChanges_MoveABookBetweenTheInStockValues()
    {
        var token = Token();
        var created = await CreateAsync(token, "1", $"{token} Restocked", stock: 0);
        var before = await Search.SearchAsync(Query(token) with { InStock = true });

        await fixture.Store.UpdateAsync(created.Sku, Draft(created.Sku, created.Title, stock: 4));
        var restocked = await Search.SearchAsync(Query(token) with { InStock = true });
        await fixture.Store.UpdateAsync(created.Sku, Draft(created.Sku, created.Title, stock: 0));
        var soldOut = await Search.SearchAsync(Query(token));

        Assert.Equal(0, before.Total);
        Assert.Equal([created.Sku], Skus(restocked));
        Assert.Equal([new("false", 1)], soldOut.Facets.InStock.AsEnumerable());
    }

    [Fact]
    public async Task Paging_WalksEveryMatchOnceInTheAskedOrder()
    {
        var token = Token();
        foreach (var (suffix, price) in new[] { ("a", 15m), ("b", 11m), ("c", 14m), ("d", 12m), ("e", 13m) })
            await CreateAsync(token, suffix, $"{token} Volume {suffix}", price: price);

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var result = await Search.SearchAsync(Query(token, SearchSort.PriceAscending) with { Page = page, PageSize = 2 });
            Assert.Equal(5, result.Total);
            pages.AddRange(Skus(result));
        }
        var beyond = await Search.SearchAsync(Query(token) with { Page = 4, PageSize = 2 });

        Assert.Equal(new[] { "b", "d", "e", "c", "a" }.Select(s => Sku(token, s)), pages);
        Assert.Empty(beyond.Items);
        Assert.Equal(5, beyond.Total);
    }

    [Fact]
    public async Task SortByRating_AverageThenCountThenTitle_AndHitsCarryTheirSummary()
    {
        var token = Token();
        var low = await CreateAsync(token, "low", $"{token} Alpha");
        var high = await CreateAsync(token, "high", $"{token} Beta");
        var highMore = await CreateAsync(token, "more", $"{token} Gamma");
        var none = await CreateAsync(token, "none", $"{token} Aardvark");
        await fixture.RateAsync(new BookRatingSummary(low.Sku, 2, 5, [0, 1, 1, 0, 0]));
        await fixture.RateAsync(new BookRatingSummary(high.Sku, 1, 5, [0, 0, 0, 0, 1]));
        await fixture.RateAsync(new BookRatingSummary(highMore.Sku, 3, 15, [0, 0, 0, 0, 3]));

        var searched = await Search.SearchAsync(Query(token, SearchSort.Rating));
        var listed = await fixture.Store.SearchAsync(new CatalogQuery(Text: token, Sort: CatalogSort.Rating));

        string[] expected = [highMore.Sku, high.Sku, low.Sku, none.Sku];
        Assert.Equal(expected, Skus(searched));
        Assert.Equal(expected, listed.Items.Select(p => p.Sku));
        Assert.Equal((3, 15, 5.0), (searched.Items[0].Rating!.Count, searched.Items[0].Rating!.Sum, searched.Items[0].Rating!.Average));
        Assert.Equal([0, 1, 1, 0, 0], searched.Items[2].Rating!.Stars.AsEnumerable());
        Assert.Null(searched.Items[3].Rating);
    }

    [Fact]
    public async Task Suggest_ByAWordPrefix_GivesTitlesWithTheirSkuAndAuthors()
    {
        var prag = await Search.SuggestAsync("prag", 8);
        var fowl = await Search.SuggestAsync("Fowl", 8);
        var two = await Search.SuggestAsync("martin f", 8);
        var limited = await Search.SuggestAsync("the", 3);
        var nothing = await Search.SuggestAsync("   ", 8);

        Assert.Contains(new SearchSuggestion(SuggestionKind.Title, "The Pragmatic Programmer", "BOOK-001"), prag);
        Assert.Equal([new SearchSuggestion(SuggestionKind.Author, "Martin Fowler", null)], fowl.AsEnumerable());
        Assert.Equal([new SearchSuggestion(SuggestionKind.Author, "Martin Fowler", null)], two.AsEnumerable());
        Assert.Equal(3, limited.Length);
        Assert.Empty(nothing);
    }

    [Fact]
    public async Task Suggest_AnAuthorOfManyBooks_IsListedOnce()
    {
        var token = Token();
        for (var i = 0; i < 4; i++)
            await CreateAsync(token, $"{i}", $"Book {i} of {token}", author: $"Ada {token}");

        var suggestions = await Search.SuggestAsync($"ada {token}", 8);

        Assert.Equal([new SearchSuggestion(SuggestionKind.Author, $"Ada {token}", null)], suggestions.AsEnumerable());
    }
}
