using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grpc.Core;
using K8Shop.ContractTests.Hosts;
using static K8Shop.ContractTests.Hosts.HostRequests;

namespace K8Shop.ContractTests.Security;

/// <summary>Inputs a fuzzer found answering 500 or UNKNOWN: each is a 4xx (or INVALID_ARGUMENT) and changes nothing.</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class FuzzerInputTests(CatalogHosts hosts)
{
    [Theory]
    [InlineData("application/json; charset=foo")]
    [InlineData("application/json; charset=\"utf-99\"")]
    public async Task AddCartItem_UnknownCharset_Is415AndLeavesTheCartAlone(string contentType)
    {
        var user = NewUser();
        await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, $"/cart/{user}/items", new { productId = "BOOK-003", quantity = 1, price = 56 });
        var client = await hosts.CreateClientAsync(CatalogHosts.Embedded);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"productId":"BOOK-001","quantity":1,"price":1}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await client.PostAsync($"/cart/{user}/items", content);
        var problem = await response.ReadJsonAsync();
        var (_, _, after) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, $"/cart/{user}");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("charset", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["BOOK-003"], Skus(after));
    }

    [Theory]
    [InlineData("""{"productId":"BOOK-001\ud800","quantity":1,"price":1}""")]
    [InlineData("""{"productId":"\udc00","quantity":1,"price":1}""")]
    public async Task AddCartItem_LoneSurrogateInAString_Is400AndLeavesTheCartAlone(string body)
    {
        var user = NewUser();
        await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, $"/cart/{user}/items", new { productId = "BOOK-003", quantity = 1, price = 56 });

        var (status, raw, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, $"/cart/{user}/items", body);
        var (_, _, after) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, $"/cart/{user}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("detail").GetString()), raw);
        Assert.Equal(["BOOK-003"], Skus(after));
    }

    [Theory]
    [InlineData("/notify")]
    [InlineData("/api/notification/notify")]
    public async Task Notify_LoneSurrogateInTheOrderId_Is400WithTheOriginalsErrorKey(string path)
    {
        var (status, raw, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, path, """{"order_id":"\ud800","status":"payment.succeeded"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error").GetString()), raw);
        Assert.Contains("surrogate", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("image/png")]
    [InlineData("text/html, application/xhtml+xml;q=0.9")]
    public async Task ErrorResponse_AcceptExcludingJson_KeepsItsStatusAndAnswersProblemJson(string accept)
    {
        var user = NewUser();
        var client = await hosts.CreateClientAsync(CatalogHosts.Embedded);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/cart/{user}/items")
        {
            Content = new StringContent("""{"productId":"BOOK-001","quantity":"lots","price":1}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await client.SendAsync(request);
        var problem = await response.ReadJsonAsync();
        var (_, _, after) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, $"/cart/{user}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Empty(Skus(after));
    }

    [Fact]
    public async Task UnknownRoute_AcceptHtml_Is404()
    {
        var client = await hosts.CreateClientAsync(CatalogHosts.Embedded);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/orders/{Guid.NewGuid():N}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("ListProducts", new byte[] { 0x0A, 0x02, 0xC3, 0x28 })]
    [InlineData("ListProducts", new byte[] { 0x12, 0x03, 0xED, 0xA0, 0x80 })]
    [InlineData("GetProduct", new byte[] { 0x0A, 0x01, 0xFF })]
    public async Task Grpc_InvalidUtf8InAString_IsInvalidArgument(string method, byte[] payload)
    {
        var server = await hosts.GetAsync(CatalogHosts.Embedded);
        var invoker = server.CreateGrpcChannel().CreateCallInvoker();
        var raw = new Marshaller<byte[]>(bytes => bytes, bytes => bytes);
        var call = new Method<byte[], byte[]>(MethodType.Unary, "catalog.v1.CatalogService", method, raw, raw);

        var error = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(call, null, new CallOptions(), payload).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private static List<string?> Skus(System.Text.Json.JsonElement cart) =>
        [.. cart.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("productId").GetString())];

    private static string NewUser() => $"fuzz-{Guid.NewGuid():N}";
}
