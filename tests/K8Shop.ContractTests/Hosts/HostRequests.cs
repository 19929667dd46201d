using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace K8Shop.ContractTests.Hosts;

/// <summary>Requests to a contract host by name, as the contract tests send them, and reading their JSON replies.</summary>
public static class HostRequests
{
    /// <summary>A client for the named host; with <paramref name="admin"/> it sends an admin's access token.</summary>
    public static async Task<HttpClient> CreateClientAsync(this CatalogHosts hosts, string host, bool admin = false)
    {
        var client = (await hosts.GetAsync(host)).CreateClient();
        if (admin)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Admin());
        return client;
    }

    /// <summary>
    /// Sends <paramref name="method"/> <paramref name="path"/> to the named host, with an optional JSON body (an object to
    /// serialize, or a string sent as it is) and, with <paramref name="admin"/>, an admin's token. Answers the status, the
    /// reply as text, and the reply parsed (<c>default</c> when the reply is empty).
    /// </summary>
    public static async Task<(HttpStatusCode Status, string Raw, JsonElement Json)> SendAsync(
        this CatalogHosts hosts, string host, HttpMethod method, string path, object? body = null, bool admin = false, string? idempotencyKey = null)
    {
        var client = await hosts.CreateClientAsync(host, admin);
        using var request = new HttpRequestMessage(method, path);
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        request.Content = body switch
        {
            null => null,
            string json => new StringContent(json, Encoding.UTF8, "application/json"),
            _ => JsonContent.Create(body),
        };
        var response = await client.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, raw, Parse(raw));
    }

    /// <summary>Adds a product with a fresh upper-case SKU (prefix, then random) through the admin API; returns the SKU.</summary>
    public static async Task<string> CreateProductAsync(this CatalogHosts hosts, string host, int stock, decimal price = 10.0m, string prefix = "T")
    {
        var sku = $"{prefix}-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Post, "/products",
            new { sku, title = $"Test book {sku}", price, stock, tags = new[] { "test" } }, admin: true);
        if (status != HttpStatusCode.Created)
            throw new InvalidOperationException($"creating {sku} answered {(int)status}: {json}");
        return sku;
    }

    /// <summary>The reply's body parsed as JSON (<c>default</c> when it is empty).</summary>
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        Parse(await response.Content.ReadAsStringAsync());

    /// <summary>A JSON object's property names, in the order the reply wrote them.</summary>
    public static List<string> Keys(JsonElement json) => [.. json.EnumerateObject().Select(p => p.Name)];

    private static JsonElement Parse(string raw) => raw.Length == 0 ? default : JsonDocument.Parse(raw).RootElement;
}
