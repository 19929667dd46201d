using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using K8Shop.ContractTests.Hosts;
using static K8Shop.ContractTests.Hosts.HostRequests;
using K8Shop.TestSupport;

namespace K8Shop.ContractTests.Catalog;

/// <summary>The original catalog-service's REST contract, field by field, on both catalog stores.</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed partial class CatalogRestContractTests(CatalogHosts hosts)
{
    public static TheoryData<string> Hosts => CatalogHosts.All;

    [ClusterFact]
    public void ClusterHost_ServicesAreReachable_SoItsCasesRun() => Assert.Contains(CatalogHosts.Cluster, CatalogHosts.Names);

    [Theory, MemberData(nameof(Hosts))]
    public async Task GetCatalog_NoParameters_ReturnsOnlyItemsAndCountWithEveryBook(string host)
    {
        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["items", "count"], Keys(json));
        Assert.Equal(json.GetProperty("items").GetArrayLength(), json.GetProperty("count").GetInt32());
        Assert.True(json.GetProperty("count").GetInt32() >= 106);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task GetProduct_BySku_PinsEveryFieldOfTheOriginalInItsOrder(string host)
    {
        var client = (await hosts.GetAsync(host)).CreateClient();

        var response = await client.GetAsync("/catalog/BOOK-003");
        var raw = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(raw).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["id", "sku", "title", "description", "price", "imageUrl", "tags", "stock", "updatedAt"], Keys(json).Take(9));
        Assert.Matches(UuidPattern(), json.GetProperty("id").GetString());
        Assert.Equal("BOOK-003", json.GetProperty("sku").GetString());
        Assert.Equal("Designing Data-Intensive Applications", json.GetProperty("title").GetString());
        Assert.Equal("Martin Kleppmann dives into modern data systems", json.GetProperty("description").GetString());
        Assert.Contains("\"price\":56,", raw, StringComparison.Ordinal);
        Assert.Equal("https://covers.openlibrary.org/b/isbn/9781449373320-L.jpg", json.GetProperty("imageUrl").GetString());
        Assert.Equal(["data", "distributed-systems"], json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(27, json.GetProperty("stock").GetInt32());
        Assert.Matches(JavaScriptIsoPattern(), json.GetProperty("updatedAt").GetString());
        Assert.Equal("/covers/BOOK-003.svg", json.GetProperty("coverUrl").GetString());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task GetProduct_PriceWithTrailingZero_IsWrittenAsJavaScriptWroteIt(string host)
    {
        var client = (await hosts.GetAsync(host)).CreateClient();

        var raw = await client.GetStringAsync("/catalog/book-002");

        Assert.Contains("\"price\":38.5,", raw, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task GetProduct_ByUuidAndBySkuInAnyCase_ReturnTheSameProduct(string host)
    {
        var (_, _, bySku) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog/book-001");
        var id = bySku.GetProperty("id").GetString()!;

        var (status, _, byId) = await hosts.SendAsync(host, HttpMethod.Get, $"/catalog/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("BOOK-001", byId.GetProperty("sku").GetString());
        Assert.Equal(id, byId.GetProperty("id").GetString());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task GetProduct_Unknown_Is404WithTheOriginalErrorBody(string host)
    {
        var client = (await hosts.GetAsync(host)).CreateClient();

        var response = await client.GetAsync("/catalog/BOOK-999");
        var json = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not found", json.GetProperty("error").GetString());
        Assert.Equal(404, json.GetProperty("status").GetInt32());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task GetProduct_MalformedId_Is400NamingTheIdField(string host)
    {
        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog/not%20a%20sku%3B");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(json.GetProperty("errors").TryGetProperty("id", out _));
        Assert.Contains("UUID or a SKU", json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task GetCatalog_AllFiltersTogether_AreAndedAndOrderedByTitle(string host)
    {
        var (_, _, json) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog?q=book-00&tag=PROGRAMMING&min=39&max=45");

        Assert.Equal(["BOOK-001"], Skus(json));
        Assert.Equal(1, json.GetProperty("count").GetInt32());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task GetCatalog_PercentAndUnderscoreInQ_AreLiteralNotWildcards(string host)
    {
        var (_, _, percent) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog?q=%25");
        var (_, _, underscore) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog?q=BOOK_001");

        Assert.DoesNotContain(Skus(percent), s => s.StartsWith("BOOK-", StringComparison.Ordinal));
        Assert.Empty(Skus(underscore));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task GetCatalog_NonNumericMinAndEmptyMax_AreIgnoredAsTheOriginalDid(string host)
    {
        var (_, _, all) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog?q=book-");
        var (status, _, lenient) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog?q=book-&min=abc&max=");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Skus(all), Skus(lenient));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task GetCatalog_QLongerThanTheLimit_Is400NamingQ(string host)
    {
        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog?q=" + new string('x', 201));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["must be at most 200 characters"], json.GetProperty("errors").GetProperty("q").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task GetCatalog_PageAndSort_ReturnThatSliceWithPagingFields(string host)
    {
        var (_, _, all) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog?q=book-&sort=-price");
        var (status, _, page) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog?q=book-&sort=-price&page=2&pageSize=5");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["items", "count", "total", "page", "pageSize", "totalPages"], Keys(page));
        Assert.Equal(Skus(all).Skip(5).Take(5), Skus(page));
        Assert.Equal(all.GetProperty("count").GetInt32(), page.GetProperty("total").GetInt32());
        var prices = all.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("price").GetDecimal()).ToList();
        Assert.Equal(prices.OrderDescending(), prices);
    }

    [Theory]
    [InlineData("/catalog?pageSize=0", "pageSize")]
    [InlineData("/catalog?page=-1", "page")]
    [InlineData("/catalog?sort=popularity", "sort")]
    public async Task GetCatalog_BadPagingOrSort_Is400NamingTheField(string path, string field)
    {
        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Healthz_AtBothPaths_AnswersInTheCatalogsShape(string host)
    {
        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Get, "/healthz");
        var (edgeStatus, _, edge) = await hosts.SendAsync(host, HttpMethod.Get, "/api/catalog/healthz");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (status, edgeStatus));
        Assert.True(json.GetProperty("ok").GetBoolean());
        Assert.Equal("ok", json.GetProperty("db").GetString());
        Assert.Equal(host == CatalogHosts.Cluster ? "postgres" : "memory", json.GetProperty("backend").GetString());
        Assert.Equal(json.ToString(), edge.ToString());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task EdgeRoutes_UnderApiCatalog_AnswerAsTheServiceRoutes(string host)
    {
        var (_, _, list) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog?q=book-00");
        var (_, _, edgeList) = await hosts.SendAsync(host, HttpMethod.Get, "/api/catalog?q=book-00");
        var (_, _, edgeProduct) = await hosts.SendAsync(host, HttpMethod.Get, "/api/catalog/BOOK-004");

        Assert.Equal(Skus(list), Skus(edgeList));
        Assert.Equal("Deep Work", edgeProduct.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Catalog_CrossOriginRequest_IsAllowedFromAnyOriginAsTheOriginal()
    {
        var client = (await hosts.GetAsync(CatalogHosts.Embedded)).CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/catalog/BOOK-001");
        request.Headers.Add("Origin", "http://example.test");

        var response = await client.SendAsync(request);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Cover_ForASeededBook_IsAnSvgImage(string host)
    {
        var client = (await hosts.GetAsync(host)).CreateClient();

        var response = await client.GetAsync("/covers/BOOK-005.svg");
        var missing = await client.GetAsync("/covers/BOOK-999.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Atomic Habits", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static List<string> Skus(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()!)];

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex JavaScriptIsoPattern();
}
