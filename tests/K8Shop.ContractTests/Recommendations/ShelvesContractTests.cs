using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using K8Shop.ContractTests.Hosts;
using static K8Shop.ContractTests.Hosts.HostRequests;

namespace K8Shop.ContractTests.Recommendations;

/// <summary>A fresh embedded shop of its own (no sales yet, whatever other tests order), in <c>Auth:Mode=open</c>.</summary>
public sealed class FreshShopHost : IAsyncLifetime
{
    public K8ShopHost Host { get; } = new(new Dictionary<string, string?>
    {
        ["K8Shop:Profile"] = "embedded",
        ["Auth:Mode"] = "open",
        // A shelf request sees the sales ranking as it is now.
        ["Recommendations:CacheTtl"] = "00:00:00",
    });

    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Client = Host.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>GET /recommendations/shelves and POST /recommendations/viewed, key by key, per the shared contract of issue 19.</summary>
public sealed class ShelvesContractTests(FreshShopHost shop) : IClassFixture<FreshShopHost>
{
    private static readonly string[] ShelfKeys = ["id", "title", "reason", "items"];

    private async Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(string path)
    {
        var response = await shop.Client.GetAsync(path);
        return (response.StatusCode, await response.ReadJsonAsync());
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> ViewAsync(object body)
    {
        var response = await shop.Client.PostAsJsonAsync("/recommendations/viewed", body);
        return (response.StatusCode, await response.ReadJsonAsync());
    }

    private static string[] Ids(JsonElement json) => [.. json.GetProperty("shelves").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];

    private static JsonElement ShelfOf(JsonElement json, string id) => json.GetProperty("shelves").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);

    private static List<JsonElement> Items(JsonElement shelf) => [.. shelf.GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task Shelves_FreshShop_OnlyTheCatalogsOwnKnowledge_ThenPopularNowOnceEnoughOrdersAreConfirmed()
    {
        var (status, json) = await GetAsync("/recommendations/shelves");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["shelves"], Keys(json));
        Assert.Equal(["best-sellers", "new-arrivals"], Ids(json));
        var (_, catalogBook) = await GetAsync("/catalog/BOOK-001");
        foreach (var shelf in json.GetProperty("shelves").EnumerateArray())
        {
            Assert.Equal(ShelfKeys, Keys(shelf));
            Assert.InRange(Items(shelf).Count, 4, 8);
            Assert.All(Items(shelf), item => Assert.Equal(Keys(catalogBook).Where(k => item.TryGetProperty(k, out _)), Keys(item)));
        }
        var bestSellers = ShelfOf(json, "best-sellers");
        Assert.Equal(("Best-sellers", "Marked best-sellers in our catalog"), (bestSellers.GetProperty("title").GetString(), bestSellers.GetProperty("reason").GetString()));
        Assert.All(Items(bestSellers), item => Assert.Contains("best-seller", item.GetProperty("tags").EnumerateArray().Select(t => t.GetString())));
        var years = Items(ShelfOf(json, "new-arrivals")).Select(i => i.GetProperty("publishedYear").GetInt32()).ToList();
        Assert.Equal(years.OrderDescending(), years);

        // Three orders (the default minimum) of four books: "Popular now" appears, most units first, and leads.
        await OrderAsync("shopper-a", ("BOOK-030", 3), ("BOOK-011", 1));
        await OrderAsync("shopper-b", ("BOOK-023", 2));
        await OrderAsync("shopper-c", ("BOOK-030", 1), ("BOOK-026", 1));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Ids(json).Contains("popular-now") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            (_, json) = await GetAsync("/api/recommendations/shelves");
        }

        Assert.Equal("popular-now", Ids(json)[0]);
        var popular = ShelfOf(json, "popular-now");
        Assert.Equal(("Popular now", "Most bought in the last 7 days"), (popular.GetProperty("title").GetString(), popular.GetProperty("reason").GetString()));
        // 4, 2, 1 and 1 units; the tie in title order ("Head First Design Patterns" before "Introduction to Algorithms").
        Assert.Equal(["BOOK-030", "BOOK-023", "BOOK-026", "BOOK-011"], Items(popular).Select(i => i.GetProperty("sku").GetString()));
        var all = json.GetProperty("shelves").EnumerateArray().SelectMany(Items).Select(i => i.GetProperty("sku").GetString()).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public async Task Viewed_RecordsTheShoppersBooks_AndTheirShelvesShowThemNewestFirst()
    {
        var user = $"viewer-{Guid.NewGuid():N}"[..20];
        var (_, byUuid) = await GetAsync("/catalog/BOOK-005");
        string[] viewed = ["BOOK-002", "BOOK-003", "BOOK-004", byUuid.GetProperty("id").GetString()!, "book-002"];

        foreach (var productId in viewed)
            Assert.Equal(HttpStatusCode.NoContent, (await ViewAsync(new { productId, userId = user })).Status);
        var (status, json) = await GetAsync($"/recommendations/shelves?userId={user}");

        Assert.Equal(HttpStatusCode.OK, status);
        var recently = ShelfOf(json, "recently-viewed");
        Assert.Equal(("Recently viewed", "Books you looked at, latest first"), (recently.GetProperty("title").GetString(), recently.GetProperty("reason").GetString()));
        Assert.Equal(["BOOK-002", "BOOK-005", "BOOK-004", "BOOK-003"], Items(recently).Select(i => i.GetProperty("sku").GetString()));
        Assert.Equal("recently-viewed", Ids(json)[^1]);
        Assert.DoesNotContain("recently-viewed", Ids((await GetAsync("/recommendations/shelves")).Json));
        Assert.DoesNotContain("recently-viewed", Ids((await GetAsync("/recommendations/shelves?userId=someone-else")).Json));
    }

    [Theory]
    [InlineData("{\"userId\":\"u-1\"}", "productId")]
    [InlineData("{\"productId\":\"\",\"userId\":\"u-1\"}", "productId")]
    [InlineData("{\"productId\":\"not a sku!\",\"userId\":\"u-1\"}", "productId")]
    [InlineData("{\"productId\":\"BOOK-001\"}", "userId")]
    [InlineData("{\"productId\":\"BOOK-001\",\"userId\":\"-bad id-\"}", "userId")]
    public async Task Viewed_BadInput_Is422NamingTheField(string body, string field)
    {
        var response = await shop.Client.PostAsync("/recommendations/viewed", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var json = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {json}");
    }

    [Fact]
    public async Task Viewed_UnknownBook_Is404AndRecordsNothing()
    {
        var user = $"viewer-{Guid.NewGuid():N}"[..20];

        var (status, _) = await ViewAsync(new { productId = "BOOK-999999", userId = user });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("recently-viewed", Ids((await GetAsync($"/recommendations/shelves?userId={user}")).Json));
    }

    [Fact]
    public async Task Shelves_BadUserId_Is422()
    {
        var (status, json) = await GetAsync("/recommendations/shelves?userId=-nope-");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.True(json.GetProperty("errors").TryGetProperty("userId", out _));
    }

    private async Task OrderAsync(string userId, params (string Sku, int Qty)[] lines)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders")
        {
            Content = JsonContent.Create(new { userId, items = lines.Select(l => new { sku = l.Sku, qty = l.Qty }) }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await shop.Client.SendAsync(request);
        var json = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"order answered {(int)response.StatusCode}: {json}");
        Assert.Equal("confirmed", json.GetProperty("status").GetString());
    }
}
