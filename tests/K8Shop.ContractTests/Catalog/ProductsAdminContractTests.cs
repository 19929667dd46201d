using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using K8Shop.ContractTests.Hosts;

namespace K8Shop.ContractTests.Catalog;

/// <summary>The /products admin routes: admin-only, validated at the edge, on both catalog stores.</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class ProductsAdminContractTests(CatalogHosts hosts)
{
    public static TheoryData<string> Hosts => CatalogHosts.All;

    [Theory, MemberData(nameof(Hosts))]
    public async Task Create_WithoutAToken_Is401AndCreatesNothing(string host)
    {
        var client = (await hosts.GetAsync(host)).CreateClient();
        var sku = NewSku();

        var response = await client.PostAsJsonAsync("/products", Valid(sku));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/catalog/{sku}")).StatusCode);
    }

    [Fact]
    public async Task Create_MalformedBodyWithoutAToken_Is401NotABodyError()
    {
        var client = (await hosts.GetAsync(CatalogHosts.Embedded)).CreateClient();

        var response = await client.PostAsync("/products", new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Create_WithAShoppersToken_Is403AndCreatesNothing(string host)
    {
        var client = (await hosts.GetAsync(host)).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Shopper("alice"));
        var sku = NewSku();

        var response = await client.PostAsJsonAsync("/products", Valid(sku));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/catalog/{sku}")).StatusCode);
    }

    [Fact]
    public async Task Create_WithATokenNobodyIssued_Is401()
    {
        var client = (await hosts.GetAsync(CatalogHosts.Embedded)).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.ForeignKey("operator"));

        var response = await client.PostAsJsonAsync("/products", Valid(NewSku()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task CreateUpdateDelete_AsAdmin_ChangeWhatTheCatalogServes(string host)
    {
        var client = await hosts.CreateClientAsync(host, admin: true);
        var sku = NewSku();

        var created = await client.PostAsJsonAsync("/products", Valid(sku));
        var createdJson = await created.ReadJsonAsync();
        var id = createdJson.GetProperty("id").GetString();
        var updated = await client.PutAsJsonAsync($"/products/{id}", Valid(sku) with { Title = "Second Edition", Price = 31.5m });
        var served = JsonDocument.Parse(await client.GetStringAsync($"/catalog/{sku}")).RootElement;
        var deleted = await client.DeleteAsync($"/products/{sku}");
        var afterDelete = await client.GetAsync($"/catalog/{sku}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/products/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(("Second Edition", 31.5m, 4), (served.GetProperty("title").GetString(), served.GetProperty("price").GetDecimal(), served.GetProperty("stock").GetInt32()));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Create_WithoutDescriptionOrImage_ServesNullDescriptionAndNoImageUrl(string host)
    {
        var client = await hosts.CreateClientAsync(host, admin: true);
        var sku = NewSku();
        await client.PostAsJsonAsync("/products", Valid(sku) with { Description = null, ImageUrl = null });

        var json = JsonDocument.Parse(await client.GetStringAsync($"/catalog/{sku}")).RootElement;

        Assert.Equal(JsonValueKind.Null, json.GetProperty("description").ValueKind);
        Assert.False(json.TryGetProperty("imageUrl", out _));
        await client.DeleteAsync($"/products/{sku}");
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Create_InvalidFields_Is400NamingEachFieldAndCreatesNothing(string host)
    {
        var client = await hosts.CreateClientAsync(host, admin: true);
        var sku = NewSku();

        var response = await client.PostAsJsonAsync("/products", Valid(sku) with { Title = " ", Price = -1m, Stock = -5, Isbn = "9780000000000" });
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["isbn", "price", "stock", "title"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/catalog/{sku}")).StatusCode);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Create_MalformedJson_Is400SayingWhere(string host)
    {
        var client = await hosts.CreateClientAsync(host, admin: true);

        var response = await client.PostAsync("/products", new StringContent("""{"sku":"X-1","title":"T","price":"cheap"}""", Encoding.UTF8, "application/json"));
        var json = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.price", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Create_SkuAlreadyUsed_Is409AndKeepsTheExistingProduct(string host)
    {
        var client = await hosts.CreateClientAsync(host, admin: true);

        var response = await client.PostAsJsonAsync("/products", Valid("book-001"));
        var existing = JsonDocument.Parse(await client.GetStringAsync("/catalog/BOOK-001")).RootElement;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("The Pragmatic Programmer", existing.GetProperty("title").GetString());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Update_UnknownProduct_Is404(string host)
    {
        var client = await hosts.CreateClientAsync(host, admin: true);

        var response = await client.PutAsJsonAsync("/products/NO-SUCH-SKU", Valid("NO-SUCH-SKU"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string NewSku() => $"TEST-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    private static ProductBody Valid(string sku) =>
        new(sku, "A Test Book", "Written for the contract tests", 19.99m, "/covers/x.svg", ["test"], 4, "Ann Author", "978-0-13-595705-9", 2024);

    private sealed record ProductBody(
        string Sku, string Title, string? Description, decimal Price, string? ImageUrl, string[] Tags, int Stock, string Author, string Isbn, int PublishedYear);
}
