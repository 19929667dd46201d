using System.Text.Json;
using Catalog.V1;
using Grpc.Core;
using K8Shop.ContractTests.Hosts;

namespace K8Shop.ContractTests.Catalog;

/// <summary>catalog.v1.CatalogService through a client compiled from the original proto, on both catalog stores.</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class CatalogGrpcContractTests(CatalogHosts hosts)
{
    public static TheoryData<string> Hosts => CatalogHosts.All;

    [Theory, MemberData(nameof(Hosts))]
    public async Task ListProducts_NoFilter_ListsWhatRestListsInTheSameOrder(string host)
    {
        var server = await hosts.GetAsync(host);
        var client = new CatalogService.CatalogServiceClient(server.CreateGrpcChannel());
        var rest = JsonDocument.Parse(await server.CreateClient().GetStringAsync("/catalog")).RootElement;

        var response = await client.ListProductsAsync(new ListProductsRequest());

        Assert.Equal(
            rest.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()),
            response.Items.Select(p => p.Sku));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task ListProducts_EveryFilter_MatchesTheRestFilters(string host)
    {
        var client = await Client(host);

        var response = await client.ListProductsAsync(new ListProductsRequest { Q = "BOOK-00", Tag = "programming", Min = 39, Max = 45 });

        var product = Assert.Single(response.Items);
        Assert.Equal("BOOK-001", product.Sku);
        Assert.Equal("The Pragmatic Programmer", product.Title);
        Assert.Equal(44.95, product.Price);
        Assert.Equal(["programming", "best-seller"], product.Tags);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task ListProducts_ZeroMinAndMax_MeanNoPriceFilter(string host)
    {
        var client = await Client(host);

        var unfiltered = await client.ListProductsAsync(new ListProductsRequest { Q = "BOOK-00" });
        var zeros = await client.ListProductsAsync(new ListProductsRequest { Q = "BOOK-00", Min = 0, Max = 0 });

        Assert.True(unfiltered.Items.Count >= 6);
        Assert.Equal(unfiltered.Items.Select(p => p.Sku), zeros.Items.Select(p => p.Sku));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task GetProduct_BySkuInLowerCaseAndByUuid_ReturnsTheProduct(string host)
    {
        var client = await Client(host);

        var bySku = await client.GetProductAsync(new GetProductRequest { Id = "book-006" });
        var byId = await client.GetProductAsync(new GetProductRequest { Id = bySku.Id });

        Assert.Equal(("BOOK-006", "The Phoenix Project", 29.99), (bySku.Sku, bySku.Title, bySku.Price));
        Assert.Equal(bySku, byId);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task GetProduct_UnknownId_FailsWithNotFound(string host)
    {
        var client = await Client(host);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetProductAsync(new GetProductRequest { Id = "BOOK-404" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("not found", error.Status.Detail);
    }

    [Fact]
    public async Task GetProduct_MalformedId_FailsWithInvalidArgument()
    {
        var client = await Client(CatalogHosts.Embedded);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetProductAsync(new GetProductRequest { Id = "'; drop table" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private async Task<CatalogService.CatalogServiceClient> Client(string host) =>
        new((await hosts.GetAsync(host)).CreateGrpcChannel());
}
