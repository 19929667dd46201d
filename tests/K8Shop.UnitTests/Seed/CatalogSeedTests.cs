using System.Globalization;
using K8Shop.Contracts.Catalog;
using K8Shop.Grains.Catalog.Seed;

namespace K8Shop.UnitTests.Seed;

public sealed class CatalogSeedTests
{
    private static readonly IReadOnlyList<ProductDraft> Books = CatalogSeed.Load();

    [Fact]
    public void Load_Seed_HoldsAtLeast106Books()
    {
        Assert.True(Books.Count >= 106, $"the seed holds {Books.Count} books");
    }

    [Theory]
    [InlineData(0, "BOOK-001", "The Pragmatic Programmer", "44.95", "programming,best-seller", 45)]
    [InlineData(1, "BOOK-002", "Clean Architecture", "38.50", "architecture,programming", 32)]
    [InlineData(2, "BOOK-003", "Designing Data-Intensive Applications", "56.00", "data,distributed-systems", 27)]
    [InlineData(3, "BOOK-004", "Deep Work", "24.00", "productivity,focus", 60)]
    [InlineData(4, "BOOK-005", "Atomic Habits", "21.00", "self-improvement,habits", 80)]
    [InlineData(5, "BOOK-006", "The Phoenix Project", "29.99", "devops,novel", 22)]
    public void Load_OriginalSix_MatchTheOriginalCatalog(int index, string sku, string title, string price, string tags, int stock)
    {
        var book = Books[index];

        Assert.Equal(sku, book.Sku);
        Assert.Equal(title, book.Title);
        Assert.Equal(decimal.Parse(price, CultureInfo.InvariantCulture), book.Price);
        Assert.Equal(tags, string.Join(',', book.Tags));
        Assert.Equal(stock, book.Stock);
    }

    [Fact]
    public void Load_EveryBook_PassesTheProductRules()
    {
        var broken = Books
            .Select(b => (b.Sku, Errors: ProductRules.Validate(b)))
            .Where(b => b.Errors.Count > 0)
            .Select(b => $"{b.Sku}: {string.Join("; ", b.Errors.Keys)}");

        Assert.Empty(broken);
    }

    [Fact]
    public void Load_EveryBook_IsAlreadyNormalized()
    {
        var changed = Books
            .Where(b => ProductRules.Normalize(b) is var n
                && (n.Sku != b.Sku || n.Title != b.Title || n.Isbn != b.Isbn || n.Author != b.Author
                    || n.Description != b.Description || n.ImageUrl != b.ImageUrl || !n.Tags.SequenceEqual(b.Tags)))
            .Select(b => b.Sku);

        Assert.Empty(changed);
    }

    [Fact]
    public void Load_Skus_AreUniqueIgnoringCase()
    {
        var duplicates = Books.GroupBy(b => b.Sku, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Load_Titles_AreUnique()
    {
        var duplicates = Books.GroupBy(b => b.Title, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Load_EveryBook_HasAnAuthorAndAValidIsbn()
    {
        var lacking = Books
            .Where(b => string.IsNullOrWhiteSpace(b.Author) || b.Isbn is null || !Isbn.IsValid(b.Isbn))
            .Select(b => b.Sku);

        Assert.Empty(lacking);
    }

    [Fact]
    public void IdFor_SameSku_IsDeterministicAndIgnoresCase()
    {
        var id = CatalogSeed.IdFor("BOOK-001");

        Assert.Equal(id, CatalogSeed.IdFor("BOOK-001"));
        Assert.Equal(id, CatalogSeed.IdFor("book-001"));
        Assert.NotEqual(id, CatalogSeed.IdFor("BOOK-002"));
    }

    [Fact]
    public void IdFor_EverySeedSku_IsDistinct()
    {
        var ids = Books.Select(b => CatalogSeed.IdFor(b.Sku)).ToHashSet();

        Assert.Equal(Books.Count, ids.Count);
    }

    [Fact]
    public void IdFor_EverySeedSku_IsVersion5WithRfcVariant()
    {
        var wrong = Books
            .Select(b => CatalogSeed.IdFor(b.Sku).ToString("D"))
            .Where(id => id[14] != '5' || !"89ab".Contains(id[19], StringComparison.Ordinal));

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("BOOK-001", "537dae18-2af0-5c50-ae4f-8b53ad17380f")]
    [InlineData("BOOK-006", "d1f373e7-9446-5e27-ab89-2b76073be264")]
    public void IdFor_SeedSku_EqualsRfc9562Uuid5OfTheSeedNamespace(string sku, string expected)
    {
        // Expected values from Python: uuid.uuid5(UUID("6f1c7d9e-3a52-4b8e-9d0a-5b2f4c8e1a70"), sku).
        Assert.Equal(Guid.Parse(expected), CatalogSeed.IdFor(sku));
    }

    [Fact]
    public void ToProduct_SeedDraft_GetsStableIdAndBothTimestamps()
    {
        var product = CatalogSeed.ToProduct(Books[0], TestData.Epoch);

        Assert.Equal(CatalogSeed.IdFor("BOOK-001"), product.Id);
        Assert.Equal(TestData.Epoch, product.CreatedAt);
        Assert.Equal(TestData.Epoch, product.UpdatedAt);
        Assert.Equal(Books[0].Title, product.Title);
    }
}
