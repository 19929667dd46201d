using System.Net;
using System.Text.Json;
using K8Shop.ContractTests.Hosts;
using static K8Shop.ContractTests.Hosts.HostRequests;

namespace K8Shop.ContractTests.Recommendations;

/// <summary>The original GET /recommendations field by field, on both profiles, and that every id is a real catalog book.</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class RecommendationContractTests(CatalogHosts hosts)
{
    public static TheoryData<string> Hosts => CatalogHosts.All;

    private static readonly string[] ItemKeys = ["id", "score", "sku", "title", "price"];

    [Theory, MemberData(nameof(Hosts))]
    public async Task Recommendations_AsTheStorefrontAsks_AnswersTheOriginalKeysInOrder(string host)
    {
        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Get,
            "/recommendations?productId=BOOK-001&userId=demo-user&limit=6&strategy=personalized");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["productId", "userId", "strategy", "recommendations"], Keys(json));
        Assert.Equal(("BOOK-001", "demo-user", "personalized"),
            (json.GetProperty("productId").GetString(), json.GetProperty("userId").GetString(), json.GetProperty("strategy").GetString()));
        var items = json.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Equal(6, items.Count);
        Assert.All(items, item =>
        {
            Assert.Equal(ItemKeys, Keys(item).Take(5));
            Assert.Equal("coverUrl", Keys(item)[^1]);
            Assert.Equal(JsonValueKind.Number, item.GetProperty("score").ValueKind);
            Assert.InRange(item.GetProperty("score").GetDouble(), 0.0, 1.0);
        });
        Assert.True(items.Zip(items.Skip(1)).All(p => p.First.GetProperty("score").GetDouble() >= p.Second.GetProperty("score").GetDouble()));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Recommendations_NoQuery_OmitsProductIdAndUserIdAndServesFivePopular(string host)
    {
        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Get, "/recommendations?productId=&userId=");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["strategy", "recommendations"], Keys(json));
        Assert.Equal("popular", json.GetProperty("strategy").GetString());
        Assert.Equal(5, json.GetProperty("recommendations").GetArrayLength());
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("-4", 1)]
    [InlineData("1", 1)]
    [InlineData("7", 7)]
    [InlineData("50", 50)]
    [InlineData("51", 50)]
    [InlineData("100000", 50)]
    [InlineData("abc", 5)]
    [InlineData("2.5", 5)]
    [InlineData("", 5)]
    public async Task Recommendations_Limit_IsClampedOrDefaultedNeverRefused(string limit, int expected)
    {
        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, $"/recommendations?limit={limit}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, json.GetProperty("recommendations").GetArrayLength());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Recommendations_EveryIdIsACatalogUuidWhoseSkuResolves(string host)
    {
        foreach (var query in new[] { "strategy=related&productId=book-003&limit=12", "strategy=popular&limit=12", "strategy=personalized&userId=demo-user&limit=12" })
        {
            var (_, _, json) = await hosts.SendAsync(host, HttpMethod.Get, "/recommendations?" + query);

            foreach (var item in json.GetProperty("recommendations").EnumerateArray())
            {
                var id = item.GetProperty("id").GetString()!;
                Assert.True(Guid.TryParseExact(id, "D", out _), $"{id} is not a UUID");
                var (status, _, product) = await hosts.SendAsync(host, HttpMethod.Get, $"/catalog/{id}");
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Equal(item.GetProperty("sku").GetString(), product.GetProperty("sku").GetString());
                Assert.Equal(item.GetProperty("title").GetString(), product.GetProperty("title").GetString());
                Assert.Equal(item.GetProperty("price").GetDecimal(), product.GetProperty("price").GetDecimal());
            }
        }
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Recommendations_Related_NeverReturnsTheProductAndEchoesTheStrategyLowerCased(string host)
    {
        var (_, _, product) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog/BOOK-003");
        var id = product.GetProperty("id").GetString();

        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Get, $"/recommendations?productId={id}&strategy=RELATED&limit=50");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("related", json.GetProperty("strategy").GetString());
        var ids = json.GetProperty("recommendations").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(50, ids.Count);
        Assert.DoesNotContain(id, ids);
        // BOOK-003's tags are data and distributed-systems: its first recommendation shares at least one.
        var (_, _, first) = await hosts.SendAsync(host, HttpMethod.Get, $"/catalog/{ids[0]}");
        Assert.Contains(first.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), t => t is "data" or "distributed-systems");
    }

    [Theory]
    [InlineData("/recommendations?strategy=trending", "trending")]
    [InlineData("/recommendations?strategy=related&productId=NO-SUCH-BOOK", "related")]
    [InlineData("/recommendations?strategy=personalized&userId=has%20spaces", "personalized")]
    public async Task Recommendations_OddInput_Is200WithTheRequestedStrategyAndPopularBooks(string path, string strategy)
    {
        var (_, _, popular) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, "/recommendations?strategy=popular");

        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(strategy, json.GetProperty("strategy").GetString());
        Assert.Equal(Ids(popular), Ids(json));
    }

    [Fact]
    public async Task Recommendations_OverLongIds_AreEchoedAndServedNever5xx()
    {
        var longId = new string('x', 2_000);

        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get,
            $"/recommendations?strategy=related&productId={longId}&userId={longId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((longId, longId), (json.GetProperty("productId").GetString(), json.GetProperty("userId").GetString()));
        Assert.Equal(5, json.GetProperty("recommendations").GetArrayLength());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Recommendations_EdgeRoutesAndHealth_AnswerAsTheOriginalNginxMappedThem(string host)
    {
        var (direct, _, directJson) = await hosts.SendAsync(host, HttpMethod.Get, "/recommendations?limit=3");
        var (edge, _, edgeJson) = await hosts.SendAsync(host, HttpMethod.Get, "/api/recommendations?limit=3");
        var (health, _, healthJson) = await hosts.SendAsync(host, HttpMethod.Get, "/recommendations/healthz");
        var (edgeHealth, _, edgeHealthJson) = await hosts.SendAsync(host, HttpMethod.Get, "/api/recommendations/healthz");
        var (documented, _, _) = await hosts.SendAsync(host, HttpMethod.Get, "/recommendations/product/BOOK-001");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (direct, edge, health, edgeHealth));
        Assert.Equal(Ids(directJson), Ids(edgeJson));
        Assert.True(healthJson.GetProperty("ok").GetBoolean());
        Assert.True(edgeHealthJson.GetProperty("ok").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, documented);
    }

    private static List<string?> Ids(JsonElement json) =>
        [.. json.GetProperty("recommendations").EnumerateArray().Select(i => i.GetProperty("id").GetString())];
}
