using System.Globalization;
using K8Shop.Contracts.Catalog;

namespace K8Shop.UnitTests.Rules;

public sealed class ProductRulesTests
{
    private static Dictionary<string, string[]> ValidateWith(Func<ProductDraft, ProductDraft> change) =>
        ProductRules.Validate(change(TestData.Draft()));

    private static decimal Dec(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    [Fact]
    public void Validate_ValidDraft_ReturnsNoErrors()
    {
        Assert.Empty(ProductRules.Validate(TestData.Draft()));
    }

    [Fact]
    public void Validate_MinimalDraftWithoutOptionals_ReturnsNoErrors()
    {
        var draft = new ProductDraft("X", "T", null, 1m, null, [], 0, null, null, null);

        Assert.Empty(ProductRules.Validate(draft));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_BlankSku_ReportsSkuRequired(string sku)
    {
        var errors = ValidateWith(d => d with { Sku = sku });

        Assert.Equal(["is required"], errors["sku"]);
    }

    [Theory]
    [InlineData("-BOOK")]
    [InlineData(".BOOK")]
    [InlineData("_BOOK")]
    [InlineData("BOOK 1")]
    [InlineData("BOOK/1")]
    [InlineData("BOOK#1")]
    [InlineData("BÖOK")]
    public void Validate_SkuWithBadCharacters_ReportsSku(string sku)
    {
        var errors = ValidateWith(d => d with { Sku = sku });

        Assert.Equal(["sku"], errors.Keys);
    }

    [Theory]
    [InlineData("BOOK-001\n")]
    [InlineData("a\n")]
    public void IsSku_TrailingNewline_ReturnsFalse(string sku)
    {
        // '$' in .NET also matches before a final '\n'; a newline is not a SKU character.
        Assert.False(ProductRules.IsSku(sku));
    }

    [Fact]
    public void Validate_SkuWithTrailingNewline_ReportsSku()
    {
        var errors = ValidateWith(d => d with { Sku = "BOOK-001\n" });

        Assert.Contains("sku", errors.Keys);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("9")]
    [InlineData("book-001")]
    [InlineData("a.b_c-d")]
    public void IsSku_AllowedShapes_ReturnsTrue(string sku)
    {
        Assert.True(ProductRules.IsSku(sku));
    }

    [Fact]
    public void IsSku_LengthLimit_Accepts64AndRejects65()
    {
        Assert.True(ProductRules.IsSku(new string('a', 64)));
        Assert.False(ProductRules.IsSku(new string('a', 65)));
    }

    [Theory]
    [InlineData("537dae18-2af0-5c50-ae4f-8b53ad17380f", true)]
    [InlineData("BOOK-001", true)]
    [InlineData("not a sku!", false)]
    [InlineData("", false)]
    [InlineData("../etc/passwd", false)]
    public void IsProductId_Input_ReturnsWhetherUuidOrSku(string value, bool expected)
    {
        Assert.Equal(expected, ProductRules.IsProductId(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Validate_BlankTitle_ReportsTitleRequired(string title)
    {
        var errors = ValidateWith(d => d with { Title = title });

        Assert.Equal(["is required"], errors["title"]);
    }

    [Fact]
    public void Validate_TitleLengthLimit_Accepts300AndRejects301()
    {
        Assert.Empty(ValidateWith(d => d with { Title = new string('t', 300) }));
        Assert.Equal(["title"], ValidateWith(d => d with { Title = new string('t', 301) }).Keys);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100000.01")]
    [InlineData("1.001")]
    [InlineData("44.955")]
    public void Validate_PriceOutOfRangeOrWithThreeDecimals_ReportsPrice(string price)
    {
        var errors = ValidateWith(d => d with { Price = Dec(price) });

        Assert.Equal(["price"], errors.Keys);
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("1.10")]
    [InlineData("44.95")]
    [InlineData("100000")]
    [InlineData("100000.00")]
    public void Validate_PriceInRangeWithAtMostTwoDecimals_ReturnsNoErrors(string price)
    {
        Assert.Empty(ValidateWith(d => d with { Price = Dec(price) }));
    }

    [Theory]
    [InlineData("https://covers.example.com/a.jpg")]
    [InlineData("http://example.com")]
    [InlineData("/images/a.png")]
    public void Validate_ImageUrlHttpOrRootedPath_ReturnsNoErrors(string url)
    {
        Assert.Empty(ValidateWith(d => d with { ImageUrl = url }));
    }

    [Theory]
    [InlineData("//evil.example.com/a.png")]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("images/a.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("")]
    public void Validate_ImageUrlNotHttpNorRootedPath_ReportsImageUrl(string url)
    {
        var errors = ValidateWith(d => d with { ImageUrl = url });

        Assert.Equal(["imageUrl"], errors.Keys);
    }

    [Fact]
    public void Validate_ImageUrlLongerThan2048_ReportsImageUrl()
    {
        var url = "https://example.com/" + new string('a', 2048);

        Assert.Equal(["imageUrl"], ValidateWith(d => d with { ImageUrl = url }).Keys);
    }

    [Fact]
    public void Validate_TagCountLimit_Accepts12AndRejects13()
    {
        Assert.Empty(ValidateWith(d => d with { Tags = TestData.Tags(12) }));
        Assert.Equal(["tags"], ValidateWith(d => d with { Tags = TestData.Tags(13) }).Keys);
    }

    [Fact]
    public void Validate_TagLengthLimit_Accepts40AndRejects41()
    {
        Assert.Empty(ValidateWith(d => d with { Tags = TestData.Tags(1, 40) }));
        Assert.Equal(["tags"], ValidateWith(d => d with { Tags = TestData.Tags(1, 41) }).Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_BlankTag_ReportsTags(string tag)
    {
        var errors = ValidateWith(d => d with { Tags = ["ok", tag] });

        Assert.Equal(["tags"], errors.Keys);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(10_000_000, true)]
    [InlineData(10_000_001, false)]
    public void Validate_Stock_AcceptsOnlyZeroToTheLargestStock(int stock, bool valid)
    {
        var errors = ValidateWith(d => d with { Stock = stock });

        Assert.Equal(valid, !errors.ContainsKey("stock"));
    }

    [Theory]
    [InlineData("9780135957059", true)]
    [InlineData("978-0-13-595705-9", true)]
    [InlineData("0306406152", true)]
    [InlineData("080442957X", true)]
    [InlineData("0-8044-2957-x", true)]
    [InlineData("9780135957058", false)]
    [InlineData("0306406153", false)]
    [InlineData("03064061X2", false)]
    [InlineData("978013595705", false)]
    [InlineData("97801359570590", false)]
    [InlineData("978O135957059", false)]
    [InlineData("", false)]
    public void IsbnIsValid_Input_ChecksLengthAndCheckDigit(string isbn, bool expected)
    {
        Assert.Equal(expected, Isbn.IsValid(isbn));
    }

    [Fact]
    public void Validate_PublishedYear_AcceptsOneThousandToTwoYearsAhead()
    {
        var now = DateTime.UtcNow.Year;

        Assert.Empty(ValidateWith(d => d with { PublishedYear = 1000 }));
        Assert.Empty(ValidateWith(d => d with { PublishedYear = now + 2 }));
        Assert.Equal(["publishedYear"], ValidateWith(d => d with { PublishedYear = 999 }).Keys);
        Assert.Equal(["publishedYear"], ValidateWith(d => d with { PublishedYear = now + 3 }).Keys);
    }

    [Fact]
    public void Validate_EveryFieldBroken_ReportsEachByCamelCaseName()
    {
        var draft = new ProductDraft("-", "", new string('d', 4001), 0m, "nope", TestData.Tags(13), -5,
            new string('a', 301), "123", 10);

        var errors = ProductRules.Validate(draft);

        Assert.Equal(
            new[] { "author", "description", "imageUrl", "isbn", "price", "publishedYear", "sku", "stock", "tags", "title" },
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, reasons => Assert.NotEmpty(Assert.Single(reasons)));
    }

    [Fact]
    public void Normalize_PaddedText_TrimsSkuTitleAndOptionals()
    {
        var draft = new ProductDraft("  BOOK-9 ", "\tTitle  ", "  desc ", 5m, " /a.png ", [], 0, " Ann ", " 0306406152 ", null);

        var normalized = ProductRules.Normalize(draft);

        Assert.Equal(
            ("BOOK-9", "Title", "desc", "/a.png", "Ann", "0306406152"),
            (normalized.Sku, normalized.Title, normalized.Description, normalized.ImageUrl, normalized.Author, normalized.Isbn));
    }

    [Fact]
    public void Normalize_BlankOptionals_BecomeNull()
    {
        var draft = new ProductDraft("S", "T", "   ", 5m, "", [], 0, " ", "\t", null);

        var normalized = ProductRules.Normalize(draft);

        Assert.Null(normalized.Description);
        Assert.Null(normalized.ImageUrl);
        Assert.Null(normalized.Author);
        Assert.Null(normalized.Isbn);
    }

    [Fact]
    public void Normalize_DuplicateTagsInOtherCase_KeepsFirstTrimmedSpelling()
    {
        var draft = TestData.Draft() with { Tags = [" Programming ", "data", "PROGRAMMING", "Data ", "devops"] };

        var normalized = ProductRules.Normalize(draft);

        Assert.Equal(new[] { "Programming", "data", "devops" }, normalized.Tags.AsEnumerable());
    }

    [Fact]
    public void Normalize_DefaultTags_BecomeEmptyArray()
    {
        var normalized = ProductRules.Normalize(TestData.Draft() with { Tags = default });

        Assert.False(normalized.Tags.IsDefault);
        Assert.Empty(normalized.Tags);
    }

    [Fact]
    public void Normalize_HyphenatedIsbn_StripsHyphens()
    {
        var normalized = ProductRules.Normalize(TestData.Draft() with { Isbn = "978-0-13-595705-9" });

        Assert.Equal("9780135957059", normalized.Isbn);
    }
}
