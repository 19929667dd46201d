using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using K8Shop.Tools.Auth;

namespace K8Shop.FaultDrill;

/// <summary>
/// The gateway routes the drill uses, answered as raw JSON (the drill checks fields, it does not model them). Stock
/// and every read carry the admin's token; an order carries its shopper's, none when <paramref name="shoppers"/> is null.
/// </summary>
public sealed class ShopClient(HttpClient http, IAccessTokenSource admin, IReadOnlyDictionary<string, IAccessTokenSource>? shoppers = null)
{
    public async Task SetStockAsync(string sku, int stock, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"inventory/{sku}") { Content = JsonContent.Create(new { stock }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await admin.GetAsync(cancellationToken));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"PUT /inventory/{sku} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}", null, response.StatusCode);
    }

    /// <summary>One attempt at a checkout: the status code and the body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PlaceAsync(CheckoutPlan plan, CancellationToken cancellationToken)
    {
        var body = new
        {
            userId = plan.UserId,
            items = plan.Lines.Select(l => new { sku = l.Sku, qty = l.Qty }),
            paymentToken = plan.PaymentToken,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", plan.Key);
        if (shoppers is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await shoppers[plan.UserId].GetAsync(cancellationToken));
        using var response = await http.SendAsync(request, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>The stored order, or null on 404; any other failure throws.</summary>
    public Task<JsonElement?> GetOrderAsync(string orderId, CancellationToken cancellationToken) => GetOrNullAsync($"orders/{orderId}", cancellationToken);

    public Task<JsonElement?> GetPaymentAsync(string orderId, CancellationToken cancellationToken) => GetOrNullAsync($"payments/{orderId}", cancellationToken);

    public async Task<JsonElement> GetInventoryAsync(string sku, CancellationToken cancellationToken) =>
        await GetOrNullAsync($"inventory/{sku}", cancellationToken) ?? throw new InvalidOperationException($"GET /inventory/{sku} answered 404");

    /// <summary>Every order id the shopper's order list holds, through all its pages.</summary>
    public async Task<List<string>> ListOrderIdsAsync(string userId, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var list = await GetOrNullAsync($"orders/user/{userId}?page={page}&pageSize=100", cancellationToken)
                ?? throw new InvalidOperationException($"GET /orders/user/{userId} answered 404");
            var orders = list.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()!).ToList();
            ids.AddRange(orders);
            if (orders.Count == 0 || ids.Count >= list.GetProperty("total").GetInt32())
                return ids;
        }
    }

    private async Task<JsonElement?> GetOrNullAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await admin.GetAsync(cancellationToken));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET /{path} answered {(int)response.StatusCode}: {text}", null, response.StatusCode);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
