using K8Shop.Contracts.Catalog;
using K8Shop.Grains.Catalog;
using K8Shop.Grains.Catalog.Seed;

namespace K8Shop.UnitTests.Store;

public sealed class InMemoryCatalogStoreTests
{
    private readonly FakeTimeProvider _clock = new(TestData.Epoch);
    private readonly InMemoryCatalogStore _store;

    public InMemoryCatalogStoreTests() => _store = new InMemoryCatalogStore(_clock, CatalogSeed.Load().Take(6));

    [Fact]
    public async Task FindAsync_SeedUuid_ReturnsTheBook()
    {
        var product = await _store.FindAsync(CatalogSeed.IdFor("BOOK-003").ToString());

        Assert.Equal("BOOK-003", product?.Sku);
    }

    [Theory]
    [InlineData("BOOK-004")]
    [InlineData("book-004")]
    [InlineData("Book-004")]
    public async Task FindAsync_SkuInAnyCase_ReturnsTheBook(string sku)
    {
        var product = await _store.FindAsync(sku);

        Assert.Equal("Deep Work", product?.Title);
    }

    [Theory]
    [InlineData("BOOK-999")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    public async Task FindAsync_Unknown_ReturnsNull(string idOrSku)
    {
        Assert.Null(await _store.FindAsync(idOrSku));
    }

    [Fact]
    public async Task CreateAsync_NewSku_StoresItWithClockTimestamps()
    {
        var created = await _store.CreateAsync(TestData.Draft("NEW-1", "Brand New"));

        Assert.Equal(TestData.Epoch, created.CreatedAt);
        Assert.Equal(TestData.Epoch, created.UpdatedAt);
        Assert.Equal(created, await _store.FindAsync(created.Id.ToString()));
        Assert.Equal(created.Id, (await _store.FindAsync("new-1"))?.Id);
        Assert.Equal(7, (await _store.SearchAsync(CatalogQuery.All)).Total);
    }

    [Theory]
    [InlineData("BOOK-001")]
    [InlineData("book-001")]
    public async Task CreateAsync_DuplicateSkuInAnyCase_ThrowsDuplicateSku(string sku)
    {
        var error = await Assert.ThrowsAsync<DuplicateSkuException>(() => _store.CreateAsync(TestData.Draft(sku)));

        Assert.Equal(sku, error.Sku);
        Assert.Equal(6, (await _store.SearchAsync(CatalogQuery.All)).Total);
    }

    [Fact]
    public async Task UpdateAsync_ExistingBook_KeepsIdAndCreatedAtAndMovesUpdatedAt()
    {
        var before = await _store.FindAsync("BOOK-002");
        _clock.Advance(TimeSpan.FromMinutes(5));

        var updated = await _store.UpdateAsync("BOOK-002", TestData.Draft("BOOK-002", "Clean Architecture, 2nd ed."));

        Assert.NotNull(before);
        Assert.NotNull(updated);
        Assert.Equal(before.Id, updated.Id);
        Assert.Equal(before.CreatedAt, updated.CreatedAt);
        Assert.Equal(TestData.Epoch.AddMinutes(5), updated.UpdatedAt);
        Assert.Equal("Clean Architecture, 2nd ed.", (await _store.FindAsync(before.Id.ToString()))?.Title);
    }

    [Fact]
    public async Task UpdateAsync_OwnSkuInOtherCase_IsNotADuplicate()
    {
        var updated = await _store.UpdateAsync("BOOK-002", TestData.Draft("book-002"));

        Assert.Equal("book-002", updated?.Sku);
    }

    [Fact]
    public async Task UpdateAsync_AnotherBooksSku_ThrowsDuplicateSku()
    {
        await Assert.ThrowsAsync<DuplicateSkuException>(() => _store.UpdateAsync("BOOK-002", TestData.Draft("book-001")));

        Assert.Equal("Clean Architecture", (await _store.FindAsync("BOOK-002"))?.Title);
    }

    [Fact]
    public async Task UpdateAsync_Unknown_ReturnsNull()
    {
        Assert.Null(await _store.UpdateAsync("BOOK-999", TestData.Draft("BOOK-999")));
    }

    [Fact]
    public async Task DeleteAsync_TwiceBySku_FirstTrueThenFalseAndGone()
    {
        Assert.True(await _store.DeleteAsync("book-005"));
        Assert.Null(await _store.FindAsync("BOOK-005"));
        Assert.Null(await _store.FindAsync(CatalogSeed.IdFor("BOOK-005").ToString()));
        Assert.False(await _store.DeleteAsync("BOOK-005"));
        Assert.Equal(5, (await _store.SearchAsync(CatalogQuery.All)).Total);
    }

    [Fact]
    public async Task DeleteAsync_ByUuid_RemovesTheBook()
    {
        var id = CatalogSeed.IdFor("BOOK-006").ToString();

        Assert.True(await _store.DeleteAsync(id));
        Assert.Null(await _store.FindAsync("BOOK-006"));
    }

    [Fact]
    public async Task SearchAsync_Seeded_AppliesCatalogMatching()
    {
        var page = await _store.SearchAsync(new CatalogQuery(Tag: "programming"));

        Assert.Equal(["BOOK-002", "BOOK-001"], page.Items.Select(p => p.Sku));
        Assert.Equal("memory", _store.Backend);
    }
}
