using K8Shop.Gateways.Catalog;
using K8Shop.Gateways.Security;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace K8Shop.ContractTests.Security;

/// <summary>The CORS policies as built from configuration, evaluated by ASP.NET Core's own CORS service.</summary>
public sealed class CorsPolicyTests
{
    private const string Shop = "https://shop.example.com";
    private const string Other = "https://elsewhere.example.net";

    [Theory]
    [InlineData("required", Shop, true)]
    [InlineData("required", Other, false)]
    [InlineData("open", Other, true)]
    public void CatalogReads_AnyOriginOnlyInOpenMode(string mode, string origin, bool allowed)
    {
        var result = Evaluate(mode, CatalogApi.CorsPolicy, origin, "GET");

        Assert.Equal(allowed, result.IsOriginAllowed);
        if (mode == "open")
            Assert.Equal("*", result.AllowedOrigin);
    }

    [Theory]
    [InlineData("required")]
    [InlineData("open")]
    public void OtherRoutes_OnlyTheConfiguredOrigins_InEitherMode(string mode)
    {
        Assert.True(Evaluate(mode, null, Shop, "POST").IsOriginAllowed);
        Assert.False(Evaluate(mode, null, Other, "POST").IsOriginAllowed);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://shop.example.com/")]
    [InlineData("shop.example.com")]
    [InlineData("https://shop.example.com/path")]
    public void AllowedOrigins_NotAnOrigin_StopsTheHostNamingTheKey(string origin)
    {
        var configuration = Configuration("required", origin);

        var error = Assert.Throws<InvalidOperationException>(() => CorsPolicies.AllowedOrigins(configuration));

        Assert.Contains("Cors:AllowedOrigins", error.Message, StringComparison.Ordinal);
    }

    private static CorsResult Evaluate(string mode, string? policyName, string origin, string method)
    {
        var options = new CorsOptions();
        CorsPolicies.Configure(options, Configuration(mode, Shop));
        var policy = policyName is null ? options.GetPolicy(options.DefaultPolicyName)! : options.GetPolicy(policyName)!;
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Headers.Origin = origin;
        return new CorsService(Options.Create(options), NullLoggerFactory.Instance).EvaluatePolicy(context, policy);
    }

    private static IConfiguration Configuration(string mode, string origin) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Mode"] = mode,
            ["Cors:AllowedOrigins:0"] = origin,
        }).Build();
}
