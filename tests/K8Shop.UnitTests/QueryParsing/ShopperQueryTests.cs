using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Catalog.Search;

namespace K8Shop.UnitTests.QueryParsing;

public sealed class ShopperQueryTests
{
    [Fact]
    public void Parse_WordsPhrasesOrAndExclusions_GroupsThemAsTheSyntaxSays()
    {
        var query = ShopperQuery.Parse("Refactoring fowler OR beck \"design patterns\" -head -\"first edition\"");

        Assert.Equal(3, query.Groups.Length);
        Assert.Equal(["refactoring"], query.Groups[0].Single().Words.AsEnumerable());
        Assert.Equal(["fowler", "beck"], query.Groups[1].Select(t => string.Join(' ', t.Words)));
        Assert.Equal((QueryTermKind.Phrase, "design patterns"), (query.Groups[2][0].Kind, string.Join(' ', query.Groups[2][0].Words)));
        Assert.Equal(["head", "first edition"], query.Exclusions.Select(e => string.Join(' ', e.Words)));
        Assert.Equal(6, query.TermCount);
    }

    [Theory]
    [InlineData("978-0-13-595705-9")]
    [InlineData("978 0 13 595705 9")]
    [InlineData("0-13-595705-2")]
    public void Parse_AnIsbnInAnyForm_IsOneTermWithBothForms(string isbn)
    {
        var term = ShopperQuery.Parse(isbn).Groups.Single().Single();

        Assert.Equal(QueryTermKind.Isbn, term.Kind);
        Assert.Equal(["9780135957059", "0135957052"], term.Words.AsEnumerable());
    }

    [Fact]
    public void Parse_AChunkOfSeveralWords_IsAPhrase_AndAQuotedWordIsExact()
    {
        var query = ShopperQuery.Parse("BOOK-001 \"programmer\"");

        Assert.Equal((QueryTermKind.Phrase, 2), (query.Groups[0][0].Kind, query.Groups[0][0].Words.Length));
        Assert.Equal(QueryTermKind.Exact, query.Groups[1][0].Kind);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("or")]
    [InlineData("\"\" - ,")]
    public void Parse_NothingToSearchFor_IsEmpty(string text) => Assert.True(ShopperQuery.Parse(text).IsEmpty);

    [Theory]
    [InlineData("0306406152", "9780306406157")]
    [InlineData("080442957X", "9780804429573")]
    public void IsbnForms_TenAndThirteen_NameTheSameBook(string ten, string thirteen)
    {
        Assert.Equal([thirteen, ten.ToLowerInvariant()], Isbn.Forms(ten));
        Assert.Equal([thirteen, ten.ToLowerInvariant()], Isbn.Forms(thirteen));
    }

    [Fact]
    public void IsbnForms_A979Isbn_HasNoTenDigitForm() => Assert.Equal(["9791034304028"], Isbn.Forms("979-10-343-0402-8"));

    [Fact]
    public void SuggestionKeys_AreTheTextFromEachWordOn() =>
        Assert.Equal(["the pragmatic programmer", "pragmatic programmer", "programmer"], SearchText.SuggestionKeys("The Pragmatic-Programmer"));
}
