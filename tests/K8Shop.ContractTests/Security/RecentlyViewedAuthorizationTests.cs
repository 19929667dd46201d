using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using K8Shop.ContractTests.Hosts;

namespace K8Shop.ContractTests.Security;

/// <summary>
/// Recently viewed is the signed-in shopper's own: anonymous visitors get 401 (they keep theirs in the browser), another
/// shopper's id is refused and changes nothing, and the shelves show it only to its owner.
/// </summary>
public sealed class RecentlyViewedAuthorizationTests(RequiredAuthHost required) : IClassFixture<RequiredAuthHost>
{
    private static readonly string[] Books = ["BOOK-002", "BOOK-003", "BOOK-004", "BOOK-005"];

    private static string NewUser() => $"user-{Guid.NewGuid():N}"[..20];

    private static async Task<string[]> ShelfIdsAsync(HttpClient client, string query = "")
    {
        var json = await client.GetFromJsonAsync<JsonElement>("/recommendations/shelves" + query);
        return [.. json.GetProperty("shelves").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];
    }

    [Fact]
    public async Task Anonymous_CannotRecordAView_ButGetsTheShopsShelves()
    {
        var anonymous = required.Client();

        var response = await anonymous.PostAsJsonAsync("/recommendations/viewed", new { productId = "BOOK-001" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var ids = await ShelfIdsAsync(anonymous);
        Assert.NotEmpty(ids);
        Assert.DoesNotContain("recently-viewed", ids);
    }

    [Fact]
    public async Task Shopper_RecordsOwnViews_AndCannotRecordOrReadAnothers()
    {
        var (alice, bob) = (NewUser(), NewUser());
        var (asAlice, asBob) = (required.Client(TestTokens.Shopper(alice)), required.Client(TestTokens.Shopper(bob)));

        foreach (var productId in Books)
            Assert.Equal(HttpStatusCode.NoContent, (await asAlice.PostAsJsonAsync("/recommendations/viewed", new { productId })).StatusCode);
        var intrusion = await asBob.PostAsJsonAsync("/recommendations/viewed", new { productId = "BOOK-001", userId = alice });
        var peek = await asBob.GetAsync($"/recommendations/shelves?userId={alice}");

        Assert.Equal(HttpStatusCode.Forbidden, intrusion.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, peek.StatusCode);
        Assert.Contains("recently-viewed", await ShelfIdsAsync(asAlice));
        Assert.DoesNotContain("recently-viewed", await ShelfIdsAsync(asBob));
        var shelves = await asAlice.GetFromJsonAsync<JsonElement>("/recommendations/shelves");
        var recently = shelves.GetProperty("shelves").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "recently-viewed");
        Assert.Equal(Books.Reverse(), recently.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()));
    }
}
