using System.Net;
using System.Text.Json;
using K8Shop.Contracts.Catalog;
using K8Shop.Grains.Catalog;
using Microsoft.Extensions.DependencyInjection;
using static K8Shop.ContractTests.Hosts.HostRequests;

namespace K8Shop.ContractTests.Recommendations;

/// <summary>
/// "Top rated" on a fresh shop of its own: absent while nothing is rated, then the rated books in the catalog's rating
/// order (average, then count), never an unrated one. The summaries are set where the reviews store sets them in
/// embedded mode; how reviews make them is the reviews tests' business.
/// </summary>
public sealed class TopRatedShelfTests(FreshShopHost shop) : IClassFixture<FreshShopHost>
{
    private static readonly (string Sku, int[] Stars)[] Rated =
    [
        ("BOOK-041", [0, 0, 0, 1, 1]),   // 4.5 from 2
        ("BOOK-042", [0, 0, 0, 0, 3]),   // 5.0 from 3
        ("BOOK-043", [1, 0, 0, 0, 1]),   // 3.0 from 2
        ("BOOK-044", [0, 0, 0, 0, 1]),   // 5.0 from 1
        ("BOOK-045", [0, 0, 0, 2, 0]),   // 4.0 from 2
    ];

    [Fact]
    public async Task TopRated_AppearsOnceBooksAreRated_BestAverageFirst_NeverAnUnratedBook()
    {
        var (status, before) = await GetAsync(shop.Client, "/recommendations/shelves");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("top-rated", Ids(before));

        var ratings = shop.Host.Services.GetRequiredService<BookRatings>();
        foreach (var (sku, stars) in Rated)
            ratings.Set(new BookRatingSummary(sku, stars.Sum(), stars.Select((n, i) => n * (i + 1)).Sum(), [.. stars]));
        var (_, after) = await GetAsync(shop.Client, "/recommendations/shelves");

        var shelf = after.GetProperty("shelves").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "top-rated");
        Assert.Equal("Top rated", shelf.GetProperty("title").GetString());
        var skus = shelf.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()!).ToList();
        var expectedOrder = new[] { "BOOK-042", "BOOK-044", "BOOK-041", "BOOK-045", "BOOK-043" };
        Assert.InRange(skus.Count, 4, 5);
        Assert.All(skus, sku => Assert.Contains(sku, expectedOrder));
        Assert.Equal(expectedOrder.Where(skus.Contains), skus);
    }

    private static string[] Ids(JsonElement json) => [.. json.GetProperty("shelves").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];

    private static async Task<(HttpStatusCode, JsonElement)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response.StatusCode, await response.ReadJsonAsync());
    }
}
