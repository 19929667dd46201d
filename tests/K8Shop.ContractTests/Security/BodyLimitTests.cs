using System.Net;
using System.Text;
using Grpc.Core;
using K8Shop.ContractTests.Hosts;
using static K8Shop.ContractTests.Hosts.HostRequests;

namespace K8Shop.ContractTests.Security;

/// <summary>Request bodies are capped at 64 KiB by default on every route, answered 413 with nothing changed.</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class BodyLimitTests(CatalogHosts hosts)
{
    private const int Cap = 64 * 1024;

    [Fact]
    public async Task AddCartItem_OverTheCap_Is413AndLeavesTheCartAlone()
    {
        var user = $"cap-{Guid.NewGuid():N}";
        await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, $"/cart/{user}/items", new { productId = "BOOK-003", quantity = 1, price = 56 });

        var (status, raw, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, $"/cart/{user}/items", Padded(Cap + 1));
        var (_, _, after) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, $"/cart/{user}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains(Cap.ToString(System.Globalization.CultureInfo.InvariantCulture), json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error").GetString()), raw);
        Assert.Equal([("BOOK-003", 1)], Lines(after));
    }

    [Fact]
    public async Task AddCartItem_OverTheCapWithoutALength_Is413AndLeavesTheCartAlone()
    {
        var user = $"cap-{Guid.NewGuid():N}";
        var client = await hosts.CreateClientAsync(CatalogHosts.Embedded);
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Padded(4 * Cap))));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/cart/{user}/items") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);
        var (_, _, after) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, $"/cart/{user}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Lines(after));
    }

    [Fact]
    public async Task AddCartItem_JustUnderTheCap_IsAccepted()
    {
        var user = $"cap-{Guid.NewGuid():N}";

        var (status, raw, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, $"/cart/{user}/items", Padded(Cap - 16));

        Assert.True(status == HttpStatusCode.OK, raw);
        Assert.Equal([("BOOK-001", 1)], Lines(json));
        Assert.NotEmpty(raw);
    }

    [Fact]
    public async Task Grpc_MessageOverTheCap_IsResourceExhausted()
    {
        var server = await hosts.GetAsync(CatalogHosts.Embedded);
        var client = new global::Catalog.V1.CatalogService.CatalogServiceClient(server.CreateGrpcChannel());

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ListProductsAsync(new global::Catalog.V1.ListProductsRequest { Q = new string('a', Cap + 1) }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    /// <summary>A valid add of BOOK-001 padded with an ignored field to exactly <paramref name="length"/> bytes.</summary>
    private static string Padded(int length)
    {
        const string Start = """{"productId":"BOOK-001","quantity":1,"price":1,"note":""" + "\"";
        const string End = "\"}";
        return Start + new string('x', length - Start.Length - End.Length) + End;
    }

    private static List<(string?, int)> Lines(System.Text.Json.JsonElement cart) =>
        [.. cart.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("productId").GetString(), i.GetProperty("quantity").GetInt32()))];
}
