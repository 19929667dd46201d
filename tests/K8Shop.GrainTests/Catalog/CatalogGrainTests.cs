using K8Shop.Contracts.Catalog;

namespace K8Shop.GrainTests.Catalog;

[Collection(ClusterCollection.Name)]
public sealed class CatalogGrainTests(ClusterFixture cluster)
{
    private ICatalogGrain Catalog => cluster.Grains.GetGrain<ICatalogGrain>(0);

    [Fact]
    public async Task Search_OriginalSix_ComeBackInTheOriginalTitleOrder()
    {
        var page = await Catalog.SearchAsync(new CatalogQuery(Text: "BOOK-00", MaxPrice: 60m));

        Assert.Equal(["BOOK-005", "BOOK-002", "BOOK-004", "BOOK-003", "BOOK-006", "BOOK-001"],
            page.Items.Select(p => p.Sku).Where(s => string.CompareOrdinal(s, "BOOK-006") <= 0));
    }

    [Fact]
    public async Task Create_DraftWithSpaces_IsNormalizedBeforeItIsStored()
    {
        var sku = NewSku();

        var created = await Catalog.CreateAsync(Draft($"  {sku} ") with { Title = "  Padded  ", Tags = ["x", "X", " y "] });

        Assert.Equal((sku, "Padded"), (created.Sku, created.Title));
        Assert.Equal(["x", "y"], created.Tags.AsEnumerable());
        Assert.Equal(created.Id, (await Catalog.FindAsync(sku.ToLowerInvariant()))?.Id);
    }

    [Fact]
    public async Task Create_InvalidDraftSentPastTheGateway_ThrowsWithEveryBadField()
    {
        var sku = NewSku();

        var error = await Assert.ThrowsAsync<InvalidProductException>(() => Catalog.CreateAsync(Draft(sku) with { Price = 0m, Stock = -1 }));

        Assert.Equal(["price", "stock"], error.Errors.Keys.Order());
        Assert.Null(await Catalog.FindAsync(sku));
    }

    [Fact]
    public async Task Create_TakenSku_ThrowsDuplicateSkuNamingIt()
    {
        var error = await Assert.ThrowsAsync<DuplicateSkuException>(() => Catalog.CreateAsync(Draft("book-004")));

        Assert.Equal("book-004", error.Sku);
        Assert.Equal("Deep Work", (await Catalog.FindAsync("BOOK-004"))?.Title);
    }

    [Fact]
    public async Task Create_FiftyConcurrentCallsForOneSku_ExactlyOneSucceeds()
    {
        var sku = NewSku();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            try
            {
                await Catalog.CreateAsync(Draft(sku) with { Title = $"Copy {i}" });
                return true;
            }
            catch (DuplicateSkuException)
            {
                return false;
            }
        }));

        Assert.Single(outcomes, created => created);
        Assert.Single((await Catalog.SearchAsync(new CatalogQuery(Text: sku))).Items);
    }

    [Fact]
    public async Task UpdateAndDelete_UnknownProduct_ReportNothingFound()
    {
        Assert.Null(await Catalog.UpdateAsync(NewSku(), Draft(NewSku())));
        Assert.False(await Catalog.DeleteAsync(NewSku()));
    }

    [Fact]
    public async Task CheckHealth_InMemoryStore_IsOkAndNamesMemory()
    {
        var health = await Catalog.CheckHealthAsync();

        Assert.Equal(new CatalogHealth(true, "memory"), health);
    }

    private static string NewSku() => $"G-{Guid.NewGuid():N}"[..16].ToUpperInvariant();

    private static ProductDraft Draft(string sku) => new(sku, "Grain Test Book", null, 10m, null, [], 1, null, null, null);
}
