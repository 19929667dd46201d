using Google.Protobuf;
using Grpc.Core;
using K8Shop.ContractTests.Hosts;
using V1 = K8Shop.Contracts.Catalog.V1;

namespace K8Shop.ContractTests.Catalog;

/// <summary>The search's gRPC methods on <c>catalog.v1.CatalogService</c>, called by name on the wire, on both hosts.</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class CatalogSearchGrpcTests(CatalogHosts hosts)
{
    public static TheoryData<string> Hosts => CatalogHosts.All;

    [Theory, MemberData(nameof(Hosts))]
    public async Task SearchProducts_ByAuthorWithAFilter_AnswersLikeRest(string host)
    {
        var invoker = (await hosts.GetAsync(host)).CreateGrpcChannel().CreateCallInvoker();

        var response = await Call(invoker, "SearchProducts", new V1.SearchProductsRequest { Q = "fowler", Tag = "architecture", PageSize = 5 }, V1.SearchProductsResponse.Parser);

        var hit = Assert.Single(response.Items);
        Assert.Equal("BOOK-027", hit.Product.Sku);
        Assert.Contains(hit.Highlights, h => h.Field == "author" && h.Ranges[0].Length == 6);
        Assert.Equal((1, 1, 5, 1), (response.Total, response.Page, response.PageSize, response.TotalPages));
        Assert.Contains(response.Facets.Tags, f => f.Value == "software-engineering" && f.Count == 2);
        Assert.Equal("", response.DidYouMean);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task SuggestProducts_APrefix_ListsTheAuthor(string host)
    {
        var invoker = (await hosts.GetAsync(host)).CreateGrpcChannel().CreateCallInvoker();

        var response = await Call(invoker, "SuggestProducts", new V1.SuggestProductsRequest { Q = "martin fow" }, V1.SuggestProductsResponse.Parser);

        var suggestion = Assert.Single(response.Suggestions);
        Assert.Equal(("author", "Martin Fowler", ""), (suggestion.Kind, suggestion.Text, suggestion.Sku));
    }

    [Fact]
    public async Task SearchProducts_PageSizeOverTheLimit_IsInvalidArgument()
    {
        var invoker = (await hosts.GetAsync(CatalogHosts.Embedded)).CreateGrpcChannel().CreateCallInvoker();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Call(invoker, "SearchProducts", new V1.SearchProductsRequest { Q = "fowler", PageSize = 51 }, V1.SearchProductsResponse.Parser));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("pageSize", error.Status.Detail, StringComparison.Ordinal);
    }

    private static async Task<TResponse> Call<TRequest, TResponse>(CallInvoker invoker, string name, TRequest request, MessageParser<TResponse> parser)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var method = new Method<TRequest, TResponse>(
            MethodType.Unary, V1.CatalogService.Descriptor.FullName, name,
            Marshallers.Create<TRequest>(r => r.ToByteArray(), _ => throw new NotSupportedException()),
            Marshallers.Create(r => r.ToByteArray(), parser.ParseFrom));
        return await invoker.AsyncUnaryCall(method, null, new CallOptions(), request);
    }
}
