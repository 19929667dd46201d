using System.Net.Http.Json;
using K8Shop.ContractTests.Hosts;
using K8Shop.ContractTests.Security;

namespace K8Shop.ContractTests.Reviews;

/// <summary>Books of a test's own (made by an admin) and shoppers who bought them through <c>POST /orders</c>.</summary>
internal static class ReviewShoppers
{
    public static async Task<string> NewBookAsync(RequiredAuthHost host)
    {
        var sku = $"RVW-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        (await host.Client(TestTokens.Admin()).PostAsJsonAsync("/products", new { sku, title = "A book to review", price = 12.5m, stock = 100 })).EnsureSuccessStatusCode();
        return sku;
    }

    /// <summary>A shopper (with a display name in the token) who bought <paramref name="sku"/>; answers the id and a client.</summary>
    public static async Task<(string UserId, HttpClient Client)> BuyerAsync(RequiredAuthHost host, string sku, string name = "Ana Reader")
    {
        var (userId, client) = Shopper(host, name);
        var placed = await client.PostAsJsonAsync("/orders", new { userId, items = new[] { new { sku, qty = 1 } } });
        placed.EnsureSuccessStatusCode();
        Assert.Equal("confirmed", (await placed.ReadJsonAsync()).GetProperty("status").GetString());
        return (userId, client);
    }

    public static (string UserId, HttpClient Client) Shopper(RequiredAuthHost host, string name = "Ben Browser")
    {
        var userId = $"rv-{Guid.NewGuid():N}"[..20];
        return (userId, host.Client(TestTokens.Mint(userId, name: name)));
    }

    public static object Review(int rating = 5, string text = "Clear, practical and kind.") => new { rating, text };
}
