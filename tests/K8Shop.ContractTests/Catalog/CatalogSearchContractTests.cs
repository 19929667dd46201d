using System.Net;
using System.Text.Json;
using K8Shop.ContractTests.Hosts;
using static K8Shop.ContractTests.Hosts.HostRequests;

namespace K8Shop.ContractTests.Catalog;

/// <summary><c>GET /catalog/search</c> and <c>/catalog/suggest</c> (and their /api paths): shapes field by field and validation, on both hosts.</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class CatalogSearchContractTests(CatalogHosts hosts)
{
    public static TheoryData<string> Hosts => CatalogHosts.All;

    [Theory, MemberData(nameof(Hosts))]
    public async Task Search_ByAuthor_AnswersTheContractShape(string host)
    {
        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog/search?q=fowler&pageSize=1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["query", "items", "total", "page", "pageSize", "totalPages", "facets", "didYouMean"], Keys(json));
        Assert.Equal("fowler", json.GetProperty("query").GetString());
        Assert.Equal((2, 1, 1, 2), (json.GetProperty("total").GetInt32(), json.GetProperty("page").GetInt32(),
            json.GetProperty("pageSize").GetInt32(), json.GetProperty("totalPages").GetInt32()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("didYouMean").ValueKind);
        var item = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal(["product", "highlights", "rating"], Keys(item));
        Assert.Equal(["id", "sku", "title", "description", "price", "tags", "stock", "updatedAt"], Keys(item.GetProperty("product")).Where(k => k != "imageUrl").Take(8));
        var author = item.GetProperty("highlights").EnumerateArray().Single(h => h.GetProperty("field").GetString() == "author");
        Assert.Equal(["field", "ranges"], Keys(author));
        var range = author.GetProperty("ranges")[0];
        Assert.Equal("Fowler", item.GetProperty("product").GetProperty("author").GetString()!.Substring(range[0].GetInt32(), range[1].GetInt32()));
        var facets = json.GetProperty("facets");
        Assert.Equal(["tags", "authors", "priceBands", "inStock"], Keys(facets));
        Assert.Equal("""[{"value":"Martin Fowler","count":2}]""", facets.GetProperty("authors").GetRawText());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Search_ATagValue_IsHighlightedWithTheTagNamed(string host)
    {
        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Get, "/api/catalog/search?q=agile+beck");

        Assert.Equal(HttpStatusCode.OK, status);
        var tags = json.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("highlights").EnumerateArray())
            .First(h => h.GetProperty("field").GetString() == "tags");
        Assert.Equal("""{"field":"tags","value":"agile","ranges":[[0,5]]}""", tags.GetRawText());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Search_Typo_OffersTheSpelling(string host)
    {
        var (_, _, json) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog/search?q=pragmatic+programer");

        Assert.Equal("pragmatic programmer", json.GetProperty("didYouMean").GetString());
        Assert.Equal("BOOK-001", json.GetProperty("items")[0].GetProperty("product").GetProperty("sku").GetString());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=51", "pageSize")]
    [InlineData("page=x", "page")]
    [InlineData("priceBand=5-10", "priceBand")]
    [InlineData("inStock=yes", "inStock")]
    [InlineData("min=abc", "min")]
    [InlineData("min=-1", "min")]
    [InlineData("min=30&max=20", "max")]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("q=a+b+c+d+e+f+g+h+i+j+k+l+m+n+o+p+q", "q")]
    public async Task Search_BadParameter_Is422NamingTheField(string parameters, string field)
    {
        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, "/catalog/search?" + parameters);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal([field], Keys(json.GetProperty("errors")));
    }

    [Fact]
    public async Task Search_OverLongQuery_Is422()
    {
        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, "/catalog/search?q=" + new string('a', 201));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("must be at most 200 characters", json.GetProperty("errors").GetProperty("q")[0].GetString());
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Suggest_APrefix_AnswersTitlesWithSkusAndAuthorsWithout(string host)
    {
        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog/suggest?q=prag&limit=3");
        var (_, _, author) = await hosts.SendAsync(host, HttpMethod.Get, "/api/catalog/suggest?q=martin+fow");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["query", "suggestions"], Keys(json));
        Assert.Equal("prag", json.GetProperty("query").GetString());
        Assert.InRange(json.GetProperty("suggestions").GetArrayLength(), 1, 3);
        Assert.Contains("""{"kind":"title","text":"The Pragmatic Programmer","sku":"BOOK-001"}""",
            json.GetProperty("suggestions").EnumerateArray().Select(s => s.GetRawText()));
        Assert.Equal("""{"query":"martin fow","suggestions":[{"kind":"author","text":"Martin Fowler"}]}""", author.GetRawText());
    }

    [Theory]
    [InlineData("q=", 200)]
    [InlineData("q=prag&limit=0", 422)]
    [InlineData("q=prag&limit=21", 422)]
    public async Task Suggest_EmptyOrBadLimit(string parameters, int expected)
    {
        var (status, raw, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, "/catalog/suggest?" + parameters);

        Assert.Equal((HttpStatusCode)expected, status);
        if (expected == 200)
            Assert.Equal("""{"query":"","suggestions":[]}""", raw);
        else
            Assert.Equal(["limit"], Keys(json.GetProperty("errors")));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task OriginalListing_KeepsQAsTitleOrSku_AndSortsByRating(string host)
    {
        var (_, _, byAuthor) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog?q=fowler");
        var (status, _, byRating) = await hosts.SendAsync(host, HttpMethod.Get, "/catalog?sort=rating&q=BOOK-00");

        Assert.Equal(0, byAuthor.GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(byRating.GetProperty("count").GetInt32() >= 6);
    }
}
