using System.Net;
using K8Shop.ContractTests.Hosts;
using static K8Shop.ContractTests.Hosts.HostRequests;

namespace K8Shop.ContractTests.Orders;

/// <summary>POST /payments/tokens: card details become an opaque token for POST /orders, so no card number reaches an order.</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class PaymentTokenContractTests(CatalogHosts hosts)
{
    [Fact]
    public async Task Tokenize_AnAcceptedTestCard_AnswersAFreshTokenThatCharges()
    {
        var sku = await hosts.CreateProductAsync(CatalogHosts.Embedded, 5, 10m, "TOK");

        var (status, _, token) = await Tokenize("4242 4242 4242 4242");
        var (_, raw, order) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, "/orders",
            new { userId = "token-user", items = new[] { new { sku, qty = 1 } }, paymentToken = token.GetProperty("token").GetString() });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["token", "brand", "last4"], Keys(token));
        Assert.Matches("^tok_[0-9a-f]{32}$", token.GetProperty("token").GetString());
        Assert.Equal(("visa", "4242"), (token.GetProperty("brand").GetString(), token.GetProperty("last4").GetString()));
        Assert.Equal("confirmed", order.GetProperty("status").GetString());
        Assert.DoesNotContain("4242424242424242", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokenize_TheDecliningTestCard_AnswersATokenThatDeclines()
    {
        var sku = await hosts.CreateProductAsync(CatalogHosts.Embedded, 5, 10m, "TOK");

        var (_, _, token) = await Tokenize("4000-0000-0000-0002");
        var (_, _, order) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, "/orders",
            new { userId = "token-user", items = new[] { new { sku, qty = 1 } }, paymentToken = token.GetProperty("token").GetString() });

        Assert.Equal("tok_chargeDeclined", token.GetProperty("token").GetString());
        Assert.Equal(("payment_failed", "card_declined"), (order.GetProperty("status").GetString(), order.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Tokenize_BadDetails_Is422NamingEachField()
    {
        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, "/payments/tokens",
            new { card_number = "4242 4242 4242 4241", exp_month = 1, exp_year = 2020, cvc = "12" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var errors = json.GetProperty("errors");
        Assert.Equal(["card_number", "exp_year", "cvc"], Keys(errors));
        Assert.Contains("check digit", errors.GetProperty("card_number")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("expired", errors.GetProperty("exp_year")[0].GetString(), StringComparison.Ordinal);
    }

    private Task<(HttpStatusCode Status, string Raw, System.Text.Json.JsonElement Json)> Tokenize(string number) =>
        hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, "/payments/tokens", new { card_number = number, exp_month = 12, exp_year = 2039, cvc = "123" });
}
