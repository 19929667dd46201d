using K8Shop.Gateways.Modules;
using Microsoft.Extensions.Configuration;

namespace K8Shop.UnitTests.Gateway;

public sealed class GatewayOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ")]
    public void Resolve_WithoutModules_ServesEveryModule(string? modules)
    {
        var resolved = new GatewayOptions { Modules = modules }.Resolve();

        Assert.Equal(GatewayModules.Names.Order(), resolved.Order());
    }

    [Fact]
    public void Resolve_ACommaList_ServesThoseModulesWhateverTheCaseAndSpacing()
    {
        var resolved = new GatewayOptions { Modules = " Orders ,payments" }.Resolve();

        Assert.True(resolved.Contains(GatewayModules.Orders) && resolved.Contains(GatewayModules.Payments));
        Assert.Equal(2, resolved.Count);
    }

    [Fact]
    public void Resolve_AnUnknownModule_FailsNamingTheKeyTheNameAndTheAllowedValues()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new GatewayOptions { Modules = "catalog,shiping" }.Resolve());

        Assert.Equal(
            "Gateway:Modules (env Gateway__Modules) names unknown module(s) 'shiping'; allowed: catalog, products, covers, cart, " +
            "inventory, orders, payments, recommendations, notifications (comma-separated; empty serves all).",
            error.Message);
    }

    [Fact]
    public void From_ReadsTheGatewaySection_AsTheEnvironmentVariableGatewayModulesSetsIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:Modules"] = "catalog" }).Build();

        Assert.Equal([GatewayModules.Catalog], GatewayOptions.From(configuration).Resolve());
    }
}
