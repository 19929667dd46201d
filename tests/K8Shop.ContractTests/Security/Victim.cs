using System.Net.Http.Json;
using System.Text.Json;
using K8Shop.ContractTests.Hosts;

namespace K8Shop.ContractTests.Security;

/// <summary>Shopper B with a cart line, a contact, a confirmed, paid order and a review of the book bought: what the matrix must not reach.</summary>
public sealed record Victim(RequiredAuthHost Host, string UserId, string OrderId, string PaymentId, string IdempotencyKey, string ReviewId)
{
    public static async Task<Victim> CreateAsync(RequiredAuthHost host)
    {
        var userId = $"victim-{Guid.NewGuid():N}"[..22];
        var client = host.Client(TestTokens.Shopper(userId));
        var key = Guid.NewGuid().ToString("N");
        (await client.PutAsJsonAsync($"/notifications/{userId}/contact", new { email = "victim@example.com" })).EnsureSuccessStatusCode();
        using var place = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = JsonContent.Create(new { userId, items = new[] { new { sku = ReviewedSku, qty = 1 } } }) };
        place.Headers.Add("Idempotency-Key", key);
        var placed = await client.SendAsync(place);
        placed.EnsureSuccessStatusCode();
        var order = JsonDocument.Parse(await placed.Content.ReadAsStringAsync()).RootElement;
        (await client.PostAsJsonAsync($"/cart/{userId}/items", new { productId = "BOOK-003", quantity = 2, price = 1 })).EnsureSuccessStatusCode();
        var reviewed = await client.PutAsJsonAsync($"/catalog/{ReviewedSku}/reviews/mine", new { rating = 4, text = "The victim's own review." });
        reviewed.EnsureSuccessStatusCode();
        var reviewId = JsonDocument.Parse(await reviewed.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        return new Victim(host, userId, order.GetProperty("orderId").GetString()!, order.GetProperty("payment").GetProperty("payment_id").GetString()!, key, reviewId);
    }

    /// <summary>The book B bought and reviewed.</summary>
    public const string ReviewedSku = "BOOK-002";

    /// <summary>Everything of B's that a refused request could have changed, read as an admin.</summary>
    public async Task<string> SnapshotAsync()
    {
        var admin = Host.Client(TestTokens.Admin());
        var parts = await Task.WhenAll(
            admin.GetStringAsync($"/cart/{UserId}"),
            admin.GetStringAsync($"/notifications/{UserId}/contact"),
            admin.GetStringAsync($"/orders/{OrderId}"),
            admin.GetStringAsync($"/payments/{PaymentId}"),
            admin.GetStringAsync("/inventory/BOOK-001"),
            admin.GetStringAsync("/catalog/BOOK-001"),
            admin.GetStringAsync($"/catalog/{ReviewedSku}/reviews?pageSize=50"),
            admin.GetStringAsync("/admin/reviews?pageSize=50"));
        return string.Join("\n", parts);
    }
}
