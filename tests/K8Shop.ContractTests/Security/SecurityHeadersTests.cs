using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using K8Shop.ContractTests.Hosts;

namespace K8Shop.ContractTests.Security;

/// <summary>The security headers on every kind of response the embedded host gives: API, storefront, dashboard, errors.</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed partial class SecurityHeadersTests(CatalogHosts hosts)
{
    [Theory]
    [InlineData("/catalog", HttpStatusCode.OK)]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/covers/BOOK-001.svg", HttpStatusCode.OK)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("/orders/00000000-0000-0000-0000-000000000000", HttpStatusCode.NotFound)]
    [InlineData("/no/such/route", HttpStatusCode.NotFound)]
    [InlineData("/catalog/%21%21", HttpStatusCode.BadRequest)]
    public async Task Response_CarriesTheSecurityHeaders(string path, HttpStatusCode expected)
    {
        var response = await (await hosts.CreateClientAsync(CatalogHosts.Embedded)).GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        AssertShopHeaders(response);
    }

    [Fact]
    public async Task ErrorFromTheExceptionHandler_CarriesTheSecurityHeaders()
    {
        var response = await Post("/cart/headers-test/items", """{"productId":"BOOK-001","quantity":[1],"price":1}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertShopHeaders(response);
    }

    [Fact]
    public async Task Dashboard_GetsItsOwnPolicy_StillWithoutInlineScripts()
    {
        var browser = (await hosts.GetAsync(CatalogHosts.Embedded)).CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signedIn = await K8Shop.TestSupport.AccountPages.SignInAsync(browser, CatalogHosts.AdminEmail, CatalogHosts.AdminPassword, "/dashboard/");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var response = await browser.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Directives(Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(["'self'"], policy["script-src"]);
        Assert.Contains("data:", policy["font-src"]);
        Assert.Equal(["'self'"], policy["frame-ancestors"]);
    }

    [Fact]
    public async Task StorefrontIndex_HasNoInlineScript_SoThePolicyDoesNotBreakIt()
    {
        var html = await (await hosts.CreateClientAsync(CatalogHosts.Embedded)).GetStringAsync("/");

        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains(" src=", tag, StringComparison.Ordinal));
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hsts_OnlyOverHttps()
    {
        var server = await hosts.GetAsync(CatalogHosts.Embedded);
        var http = await server.CreateClient().GetAsync("/catalog");
        var https = await server.CreateClient(new() { BaseAddress = new Uri("https://shop.example.com") }).GetAsync("/catalog");

        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
        Assert.StartsWith("max-age=31536000", Assert.Single(https.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"productId":"BOOK-001","quantity":[1],"price":1}""")]
    [InlineData("""{"productId":["BOOK-001"],"quantity":1,"price":1}""")]
    [InlineData("""[]""")]
    [InlineData("")]
    public async Task BadRequestBody_ProblemNamesNoDotNetType(string body)
    {
        var response = await Post("/cart/types-test/items", body);
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotMatch(DotNetName(), raw);
        Assert.DoesNotContain("AddItemRequest", raw, StringComparison.Ordinal);
        Assert.Contains("\"detail\"", raw, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> Post(string path, string json) =>
        await (await hosts.CreateClientAsync(CatalogHosts.Embedded)).PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static void AssertShopHeaders(HttpResponseMessage response)
    {
        var policy = Directives(Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(["'self'"], policy["script-src"]);
        Assert.Equal(["'self'"], policy["frame-ancestors"]);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"\b(System|Microsoft|K8Shop)\.[A-Z]\w*")]
    private static partial Regex DotNetName();
}
