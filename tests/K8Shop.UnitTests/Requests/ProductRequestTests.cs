using K8Shop.Gateways.Products;

namespace K8Shop.UnitTests.Requests;

public sealed class ProductRequestTests
{
    private static ProductRequest Valid() =>
        new(" BOOK-100 ", " Refactoring ", null, 47.99m, null, [" programming ", "Programming"], null, "Martin Fowler", "978-0-13-475759-9", 2018);

    [Fact]
    public void ToDraft_EmptyBody_ReportsSkuTitleAndPriceMissing()
    {
        var (draft, errors) = new ProductRequest(null, null, null, null, null, null, null, null, null, null).ToDraft();

        Assert.Null(draft);
        Assert.Equal(new[] { "price", "sku", "title" }, errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, reasons => Assert.Equal(["is required"], reasons));
    }

    [Fact]
    public void ToDraft_OnlyPriceMissing_ReportsOnlyPrice()
    {
        var (draft, errors) = (Valid() with { Price = null }).ToDraft();

        Assert.Null(draft);
        Assert.Equal(["price"], errors.Keys);
    }

    [Fact]
    public void ToDraft_ValidRequest_ReturnsNormalizedDraftWithDefaults()
    {
        var (draft, errors) = Valid().ToDraft();

        Assert.Empty(errors);
        Assert.NotNull(draft);
        Assert.Equal("BOOK-100", draft.Sku);
        Assert.Equal("Refactoring", draft.Title);
        Assert.Equal(0, draft.Stock);
        Assert.Equal(new[] { "programming" }, draft.Tags.AsEnumerable());
        Assert.Equal("9780134757599", draft.Isbn);
    }

    [Fact]
    public void ToDraft_PriceWithThreeDecimals_ReportsPrice()
    {
        var (draft, errors) = (Valid() with { Price = 9.999m }).ToDraft();

        Assert.Null(draft);
        Assert.Equal(["price"], errors.Keys);
    }

    [Fact]
    public void ToDraft_BlankTitleAndBadSku_ReportsBothByFieldName()
    {
        var (draft, errors) = (Valid() with { Title = "   ", Sku = "bad sku" }).ToDraft();

        Assert.Null(draft);
        Assert.Equal(new[] { "sku", "title" }, errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ToDraft_NullTag_ReportsTags()
    {
        var (draft, errors) = (Valid() with { Tags = ["ok", null!] }).ToDraft();

        Assert.Null(draft);
        Assert.Equal(["tags"], errors.Keys);
    }
}
