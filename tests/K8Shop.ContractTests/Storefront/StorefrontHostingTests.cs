using System.Net;
using K8Shop.ContractTests.Hosts;

namespace K8Shop.ContractTests.Storefront;

/// <summary>A silo host serving a storefront build from a folder of the test's own (Storefront:Root).</summary>
public sealed class StorefrontHostFixture : IAsyncLifetime
{
    public const string Marker = "<!-- storefront under test -->";

    private readonly string _root = Directory.CreateTempSubdirectory("k8shop-storefront-").FullName;

    public K8ShopHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_root, "assets"));
        await File.WriteAllTextAsync(Path.Combine(_root, "index.html"), $"<!doctype html><html><body>{Marker}<div id=\"root\"></div></body></html>");
        await File.WriteAllTextAsync(Path.Combine(_root, "assets", "app-1234.js"), "console.log('storefront');");
        Host = new K8ShopHost(new Dictionary<string, string?> { ["K8Shop:Profile"] = "embedded", ["Storefront:Root"] = _root });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}

/// <summary>
/// The storefront is served with client-side routing: its own paths answer index.html, while API routes, covers,
/// OpenAPI and health keep answering, and an unknown path is still a JSON 404.
/// </summary>
public sealed class StorefrontHostingTests(StorefrontHostFixture fixture) : IClassFixture<StorefrontHostFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/books/BOOK-001")]
    [InlineData("/search")]
    [InlineData("/basket")]
    [InlineData("/checkout")]
    [InlineData("/signin")]
    [InlineData("/account/orders/3f2a1c4e-0000-4000-8000-000000000001")]
    [InlineData("/admin")]
    [InlineData("/admin/products/new")]
    [InlineData("/status")]
    public async Task ClientRoute_AnswersTheStorefrontsIndex(string path)
    {
        var response = await fixture.Host.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(StorefrontHostFixture.Marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashedAsset_IsServedAndCachedForever()
    {
        var response = await fixture.Host.CreateClient().GetAsync("/assets/app-1234.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/catalog/BOOK-001", "application/json")]
    [InlineData("/orders/healthz", "application/json")]
    [InlineData("/openapi/v1.json", "application/json")]
    [InlineData("/covers/BOOK-001.svg", "image/svg+xml")]
    [InlineData("/health/ready", "text/plain")]
    public async Task ApiRoute_KeepsAnsweringItself(string path, string mediaType)
    {
        var response = await fixture.Host.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/orders/abc/unknown")]
    [InlineData("/api/nothing-here")]
    [InlineData("/bookstore")]
    public async Task UnknownPath_IsStillAJson404(string path)
    {
        var response = await fixture.Host.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
