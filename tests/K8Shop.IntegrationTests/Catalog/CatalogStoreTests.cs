using K8Shop.Contracts.Catalog;
using K8Shop.Grains.Catalog;
using K8Shop.Grains.Catalog.Seed;
using K8Shop.Silo.Catalog;
using K8Shop.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace K8Shop.IntegrationTests.Catalog;

/// <summary>The catalog store's contract, run against memory and real PostgreSQL alike.</summary>
[Collection(CatalogDatabaseCollection.Name)]
public sealed class CatalogStoreTests(MigratedCatalogDatabase database)
{
    private readonly CatalogStores _stores = new(database);

    public static TheoryData<string> Stores => CatalogStores.Names;

    [PostgresFact]
    public void PostgresStore_IsReachable_SoItsCasesRun() => Assert.Contains(CatalogStores.Postgres, CatalogStores.StoreNames);

    [Theory, MemberData(nameof(Stores))]
    public async Task Find_BySkuInAnyCaseOrById_ReturnsTheSameSeededProduct(string store)
    {
        var catalog = _stores.Get(store);

        var bySku = await catalog.FindAsync("book-001");
        var byId = await catalog.FindAsync(CatalogSeed.IdFor("BOOK-001").ToString().ToUpperInvariant());

        Assert.NotNull(bySku);
        Assert.NotNull(byId);
        Assert.Equal(bySku.Id, byId.Id);
        Assert.Equal(("BOOK-001", "The Pragmatic Programmer", 44.95m, 45), (bySku.Sku, bySku.Title, bySku.Price, bySku.Stock));
        Assert.Equal(["programming", "best-seller"], bySku.Tags.AsEnumerable());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task GetPrices_SkusInAnyCase_ReturnsEachKnownOnceAndLeavesOutUnknown(string store)
    {
        var prices = await _stores.Get(store).GetPricesAsync(["book-001", "NO-SUCH-BOOK", "BOOK-001", "Book-002"]);

        var seed = CatalogSeed.Load().Where(b => b.Sku is "BOOK-001" or "BOOK-002").Select(b => new ProductPrice(b.Sku, b.Title, b.Price));
        Assert.Equal(seed.OrderBy(p => p.Sku), prices.OrderBy(p => p.Sku));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Find_UnknownSku_ReturnsNull(string store) =>
        Assert.Null(await _stores.Get(store).FindAsync("NO-SUCH-BOOK"));

    [Theory, MemberData(nameof(Stores))]
    public async Task Search_TextWithPercentAndUnderscore_MatchesThemLiterally(string store)
    {
        var catalog = _stores.Get(store);
        var token = Token();
        await catalog.CreateAsync(Draft($"P{token}", $"Fifty% Off {token}"));
        await catalog.CreateAsync(Draft($"U{token}", $"Under_score {token}"));
        await catalog.CreateAsync(Draft($"X{token}", $"Underxscore {token}"));

        var percent = await catalog.SearchAsync(new CatalogQuery(Text: $"% off {token}"));
        var underscore = await catalog.SearchAsync(new CatalogQuery(Text: $"UNDER_SCORE {token}"));

        Assert.Equal([$"P{token}"], percent.Items.Select(p => p.Sku));
        Assert.Equal([$"U{token}"], underscore.Items.Select(p => p.Sku));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Search_TagInOtherCase_ReturnsEveryBookWithThatTag(string store)
    {
        var expected = CatalogSeed.Load().Where(b => b.Tags.Contains("fiction")).Select(b => b.Sku).Order().ToList();

        var found = await _stores.Get(store).SearchAsync(new CatalogQuery(Text: "BOOK-", Tag: "FICTION"));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, found.Items.Select(p => p.Sku).Order().ToList());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Search_PriceBounds_AreInclusive(string store)
    {
        var found = await _stores.Get(store).SearchAsync(new CatalogQuery(Text: "BOOK-00", MinPrice: 21m, MaxPrice: 24m));

        Assert.Equal(["BOOK-005", "BOOK-004"], found.Items.Select(p => p.Sku).Where(OriginalSix.Contains));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Search_NoFilters_OrdersTheOriginalSixByTitleAsTheOriginalDid(string store)
    {
        var found = await _stores.Get(store).SearchAsync(new CatalogQuery(Text: "BOOK-00"));

        Assert.Equal(["BOOK-005", "BOOK-002", "BOOK-004", "BOOK-003", "BOOK-006", "BOOK-001"], found.Items.Select(p => p.Sku).Where(OriginalSix.Contains));
    }

    public static TheoryData<string, CatalogSort> StoresAndSorts()
    {
        var cases = new TheoryData<string, CatalogSort>();
        foreach (var store in CatalogStores.StoreNames)
            foreach (var sort in Enum.GetValues<CatalogSort>())
                cases.Add(store, sort);
        return cases;
    }

    [Theory, MemberData(nameof(StoresAndSorts))]
    public async Task Search_EachSort_OrdersTheWholeSeedAsThePureRulesDo(string store, CatalogSort sort)
    {
        var seed = CatalogSeed.Load().Select(d => CatalogSeed.ToProduct(d, DateTimeOffset.UnixEpoch));
        var query = new CatalogQuery(Text: "BOOK-", Sort: sort);

        var found = await _stores.Get(store).SearchAsync(query);

        Assert.Equal(CatalogMatching.Search(seed, query).Items.Select(p => p.Sku), found.Items.Select(p => p.Sku));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Search_SecondPage_ReturnsThatSliceAndTheTotal(string store)
    {
        var catalog = _stores.Get(store);
        var all = await catalog.SearchAsync(new CatalogQuery(Text: "BOOK-", Sort: CatalogSort.PriceAscending));

        var page = await catalog.SearchAsync(new CatalogQuery(Text: "BOOK-", Sort: CatalogSort.PriceAscending, Page: 2, PageSize: 7));

        Assert.Equal(all.Items.Count, page.Total);
        Assert.Equal(all.Items.Skip(7).Take(7).Select(p => p.Sku), page.Items.Select(p => p.Sku));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Create_SkuTakenInAnotherCase_ThrowsDuplicateSku(string store)
    {
        var catalog = _stores.Get(store);
        var sku = $"D{Token()}";
        await catalog.CreateAsync(Draft(sku, "Original"));

        await Assert.ThrowsAsync<DuplicateSkuException>(() => catalog.CreateAsync(Draft(sku.ToLowerInvariant(), "Copy")));
        Assert.Equal("Original", (await catalog.FindAsync(sku))!.Title);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Update_ExistingProduct_KeepsIdAndCreatedAtAndReplacesFields(string store)
    {
        var catalog = _stores.Get(store);
        var created = await catalog.CreateAsync(Draft($"E{Token()}", "Before"));

        var updated = await catalog.UpdateAsync(created.Sku, Draft(created.Sku, "After") with { Price = 12.5m, Stock = 7, Tags = ["a", "b"] });

        Assert.NotNull(updated);
        Assert.Equal((created.Id, created.CreatedAt), (updated.Id, updated.CreatedAt));
        Assert.Equal(("After", 12.5m, 7), (updated.Title, updated.Price, updated.Stock));
        Assert.Equal(["a", "b"], updated.Tags.AsEnumerable());
        Assert.True(updated.UpdatedAt >= created.UpdatedAt);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Update_ToAnotherProductsSku_ThrowsDuplicateSkuAndChangesNothing(string store)
    {
        var catalog = _stores.Get(store);
        var first = await catalog.CreateAsync(Draft($"F{Token()}", "First"));
        var second = await catalog.CreateAsync(Draft($"G{Token()}", "Second"));

        await Assert.ThrowsAsync<DuplicateSkuException>(() => catalog.UpdateAsync(second.Id.ToString(), Draft(first.Sku, "Clash")));
        Assert.Equal("Second", (await catalog.FindAsync(second.Sku))!.Title);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Delete_ExistingProduct_RemovesItOnce(string store)
    {
        var catalog = _stores.Get(store);
        var created = await catalog.CreateAsync(Draft($"H{Token()}", "Short-lived"));

        Assert.True(await catalog.DeleteAsync(created.Sku.ToLowerInvariant()));
        Assert.Null(await catalog.FindAsync(created.Id.ToString()));
        Assert.False(await catalog.DeleteAsync(created.Id.ToString()));
    }

    [PostgresFact]
    public async Task PostgresStore_DatabaseUnreachable_ThrowsCatalogUnavailable()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(unreachable);
        var store = new PostgresCatalogStore(dataSource, NullLogger<PostgresCatalogStore>.Instance);

        await Assert.ThrowsAsync<CatalogUnavailableException>(() => store.FindAsync("BOOK-001"));
        await Assert.ThrowsAsync<CatalogUnavailableException>(() => store.PingAsync());
    }

    private static readonly HashSet<string> OriginalSix = ["BOOK-001", "BOOK-002", "BOOK-003", "BOOK-004", "BOOK-005", "BOOK-006"];

    private static string Token() => Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static ProductDraft Draft(string sku, string title) =>
        new(sku, title, "A test book", 9.99m, null, ["test"], 3, "Test Author", null, 2020);
}
