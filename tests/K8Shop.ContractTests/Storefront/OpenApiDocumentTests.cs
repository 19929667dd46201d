using System.Text.Json.Nodes;
using K8Shop.ContractTests.Hosts;

namespace K8Shop.ContractTests.Storefront;

/// <summary>
/// The storefront's API client is generated from client-web/openapi.json; this fails when the gateway's live document
/// has drifted from it. scripts/update-openapi.sh (K8SHOP_UPDATE_OPENAPI=1) writes the live document there instead.
/// </summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class OpenApiDocumentTests(CatalogHosts hosts)
{
    [Fact]
    public async Task OpenApiDocument_IsTheOneTheStorefrontClientIsGeneratedFrom()
    {
        // The storefront's admin pages use the admin operations: the client is generated from the document an admin sees.
        var client = await hosts.CreateClientAsync(CatalogHosts.Embedded, admin: true);
        var live = await client.GetStringAsync("/openapi/v1.json");
        var committedPath = Path.Combine(RepositoryRoot(), "client-web", "openapi.json");

        if (Environment.GetEnvironmentVariable("K8SHOP_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(committedPath, live.TrimEnd() + "\n");

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(committedPath));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(live), committed),
            "The gateway's OpenAPI document differs from client-web/openapi.json. Run scripts/update-openapi.sh, then "
            + "`npm run build` in client-web and fix what no longer type-checks.");
    }

    [Fact]
    public async Task OpenApiDocument_ShowsAdminAndStockOperationsOnlyToAnAdmin()
    {
        var anonymous = JsonNode.Parse(await (await hosts.GetAsync(CatalogHosts.Embedded)).CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var admin = JsonNode.Parse(await (await hosts.CreateClientAsync(CatalogHosts.Embedded, admin: true)).GetStringAsync("/openapi/v1.json"))!;

        Assert.Null(anonymous["paths"]!["/products"]);
        Assert.Null(anonymous["paths"]!["/inventory/{sku}/reserve"]);
        Assert.Null(anonymous["paths"]!["/orders/{orderId}/status"]);
        Assert.NotNull(anonymous["paths"]!["/catalog"]);
        Assert.NotNull(anonymous["paths"]!["/cart/{userId}"]);
        Assert.NotNull(admin["paths"]!["/products"]);
        Assert.NotNull(admin["paths"]!["/inventory/{sku}/reserve"]);
    }

    [Fact]
    public async Task OpenApiDocument_TypesNumbersAsNumbersAndNamesNoServer()
    {
        var client = (await hosts.GetAsync(CatalogHosts.Embedded)).CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var price = document["components"]!["schemas"]!["ProductResponse"]!["properties"]!["price"]!;
        var total = document["components"]!["schemas"]!["OrderResponse"]!["properties"]!["total"]!;

        Assert.Equal("number", price["type"]!.GetValue<string>());
        Assert.Null(price["pattern"]);
        Assert.Equal("number", total["type"]!.GetValue<string>());
        Assert.Null(document["servers"]);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "K8Shop.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("K8Shop.sln not found above the test output directory.");
    }
}
