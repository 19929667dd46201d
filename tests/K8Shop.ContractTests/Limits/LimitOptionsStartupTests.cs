using K8Shop.ContractTests.Hosts;

namespace K8Shop.ContractTests.Limits;

/// <summary>An operator's limit may only tighten the shop's (<c>ShopLimits</c>): a wider one stops the silo at start, naming the key.</summary>
public sealed class LimitOptionsStartupTests
{
    [Theory]
    [InlineData("Cart:MaxLines", "51", "Cart:MaxLines")]
    [InlineData("Cart:MaxQuantityPerLine", "100", "Cart:MaxQuantityPerLine")]
    [InlineData("Orders:MaxLines", "51", "Orders:MaxLines")]
    [InlineData("Orders:MaxQuantityPerLine", "1001", "Orders:MaxQuantityPerLine")]
    [InlineData("Orders:ReservationTtl", "1.00:00:01", "Orders:ReservationTtl")]
    public async Task Host_WithALimitWiderThanTheShops_StopsAtStartNamingTheKey(string key, string value, string named)
    {
        await using var host = new K8ShopHost(new Dictionary<string, string?>
        {
            ["K8Shop:Profile"] = "embedded",
            ["Auth:Mode"] = "open",
            [key] = value,
        });

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }
}
