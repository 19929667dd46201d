using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Rules;
using K8Shop.Gateways.Catalog;

namespace K8Shop.UnitTests.QueryParsing;

public sealed class CatalogQueryParserTests
{
    private static (CatalogQuery? Query, Dictionary<string, string[]> Errors, bool Paged) Parse(
        string? q = null, string? tag = null, string? min = null, string? max = null,
        string? sort = null, string? page = null, string? pageSize = null) =>
        CatalogQueryParser.Parse(q, tag, min, max, sort, page, pageSize);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("1,2")]
    [InlineData("12abc")]
    [InlineData("NaN")]
    public void Price_AbsentEmptyOrNotANumber_IsIgnored(string? value)
    {
        Assert.Null(CatalogQueryParser.Price(value));
    }

    [Theory]
    [InlineData(" 12 ", "12")]
    [InlineData("1e2", "100")]
    [InlineData("12.5", "12.5")]
    [InlineData("0", "0")]
    [InlineData("-3", "-3")]
    public void Price_NumericText_ParsesLikeJavaScriptNumber(string value, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CatalogQueryParser.Price(value));
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("1e300")]
    public void Price_HugeOrInfinity_ClampsToDecimalMax(string value)
    {
        Assert.Equal(decimal.MaxValue, CatalogQueryParser.Price(value));
    }

    [Fact]
    public void Parse_NoParameters_IsTheUnpagedQueryForEverything()
    {
        var (query, errors, paged) = Parse();

        Assert.Empty(errors);
        Assert.False(paged);
        Assert.Equal(CatalogQuery.All, query);
        Assert.Null(query!.PageSize);
    }

    [Fact]
    public void Parse_Filters_CarriesTrimmedTextTagAndBounds()
    {
        var (query, errors, _) = Parse(q: "  deep ", tag: " focus ", min: "10", max: "abc");

        Assert.Empty(errors);
        Assert.Equal(new CatalogQuery("deep", "focus", 10m, null), query);
    }

    [Fact]
    public void Parse_TextLengthLimit_Accepts200AndRejects201ForQ()
    {
        Assert.Empty(Parse(q: new string('x', 200)).Errors);

        var (query, errors, _) = Parse(q: new string('x', 201));

        Assert.Null(query);
        Assert.Equal(["q"], errors.Keys);
    }

    [Theory]
    [InlineData("title", CatalogSort.Title)]
    [InlineData("price", CatalogSort.PriceAscending)]
    [InlineData("-price", CatalogSort.PriceDescending)]
    [InlineData("price_desc", CatalogSort.PriceDescending)]
    [InlineData("newest", CatalogSort.Newest)]
    [InlineData("PRICE", CatalogSort.PriceAscending)]
    [InlineData("Newest", CatalogSort.Newest)]
    [InlineData(" Price_Desc ", CatalogSort.PriceDescending)]
    public void Parse_KnownSort_MapsCaseInsensitively(string sort, CatalogSort expected)
    {
        var (query, errors, _) = Parse(sort: sort);

        Assert.Empty(errors);
        Assert.Equal(expected, query!.Sort);
    }

    [Theory]
    [InlineData("cheapest")]
    [InlineData("price asc")]
    [InlineData("+price")]
    public void Parse_UnknownSort_ReportsSort(string sort)
    {
        var (query, errors, _) = Parse(sort: sort);

        Assert.Null(query);
        Assert.Equal(["sort"], errors.Keys);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("abc")]
    public void Parse_BadPage_ReportsPage(string page)
    {
        var (query, errors, _) = Parse(page: page);

        Assert.Null(query);
        Assert.Equal(["page"], errors.Keys);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("x")]
    public void Parse_BadPageSize_ReportsPageSize(string pageSize)
    {
        var (query, errors, _) = Parse(pageSize: pageSize);

        Assert.Null(query);
        Assert.Equal(["pageSize"], errors.Keys);
    }

    [Fact]
    public void Parse_SeveralBadFields_ReportsEachOfThem()
    {
        var (query, errors, _) = Parse(q: new string('q', 201), sort: "bogus", page: "0", pageSize: "1000");

        Assert.Null(query);
        Assert.Equal(new[] { "page", "pageSize", "q", "sort" }, errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_PageOnly_IsPagedWithDefaultPageSize()
    {
        var (query, errors, paged) = Parse(page: "3");

        Assert.Empty(errors);
        Assert.True(paged);
        Assert.Equal((3, (int?)ShopLimits.Paging.DefaultPageSize), (query!.Page, query.PageSize));
        Assert.Equal(40, query.Skip);
    }

    [Fact]
    public void Parse_PageSizeOnly_IsPagedFromPageOne()
    {
        var (query, errors, paged) = Parse(pageSize: "100");

        Assert.Empty(errors);
        Assert.True(paged);
        Assert.Equal((1, (int?)100), (query!.Page, query.PageSize));
    }

    [Fact]
    public void Parse_BlankPaging_IsNotPaged()
    {
        var (query, errors, paged) = Parse(page: " ", pageSize: "");

        Assert.Empty(errors);
        Assert.False(paged);
        Assert.Null(query!.PageSize);
    }
}
