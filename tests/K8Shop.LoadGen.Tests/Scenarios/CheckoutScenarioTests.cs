using K8Shop.LoadGen.Checkout;
using K8Shop.LoadGen.Scenarios;

namespace K8Shop.LoadGen.Tests.Scenarios;

public sealed class CheckoutScenarioTests
{
    [Fact]
    public void Skus_PutTheHotSkuFirst_ThenTheMixedScenariosSkusWithoutIt()
    {
        Assert.Equal(["BOOK-001", "BOOK-002", "BOOK-003"], new CheckoutScenario("BOOK-001", 3, 1.1, 0, 0).Skus);
        Assert.Equal(["BOOK-007", "BOOK-001", "BOOK-002", "BOOK-003"], new CheckoutScenario("book-007", 4, 1.1, 0, 0).Skus);
        Assert.Equal(["BOOK-002", "BOOK-001", "BOOK-003"], new CheckoutScenario("BOOK-002", 3, 1.1, 0, 0).Skus);
    }

    [Fact]
    public void Checkouts_AddOneToThreeLinesOfOneOrTwo_WithTheHotSkuTheMostCommon()
    {
        var scenario = new CheckoutScenario("BOOK-009", 50, 1.1, 0, 0);
        var random = new Random(3);

        var checkouts = Enumerable.Range(0, 5_000).Select(_ => Assert.IsType<ShopperCheckout>(scenario.Next(random))).ToList();

        Assert.All(checkouts, checkout => Assert.InRange(checkout.Lines.Count, 1, CheckoutScenario.MaxCartAdds));
        Assert.All(checkouts.SelectMany(checkout => checkout.Lines), line => Assert.InRange(line.Quantity, 1, 2));
        Assert.Equal([1, 2, 3], checkouts.Select(checkout => checkout.Lines.Count).Distinct().Order());
        var bySku = checkouts.SelectMany(checkout => checkout.Lines).CountBy(line => line.Sku).OrderByDescending(pair => pair.Value).ToList();
        Assert.Equal("BOOK-009", bySku[0].Key);
        Assert.True(bySku[0].Value > 2 * bySku[1].Value, $"hot {bySku[0].Value}, next {bySku[1].Key} {bySku[1].Value}");
        Assert.All(checkouts, checkout => Assert.Null(checkout.PaymentToken));
        Assert.All(checkouts, checkout => Assert.False(checkout.RepeatOrder));
    }

    [Fact]
    public void DeclineAndRepeatRatios_MarkAboutThatShare_AndAtZeroDrawNothing()
    {
        var plain = new CheckoutScenario("BOOK-001", 20, 1.1, 0, 0);
        var declining = new CheckoutScenario("BOOK-001", 20, 1.1, 0.25, 0.5);
        var (plainRandom, decliningRandom) = (new Random(8), new Random(8));

        var first = Assert.IsType<ShopperCheckout>(plain.Next(plainRandom));
        var same = Assert.IsType<ShopperCheckout>(declining.Next(decliningRandom));
        var more = Enumerable.Range(0, 4_000).Select(_ => Assert.IsType<ShopperCheckout>(declining.Next(decliningRandom))).ToList();

        // The lines are drawn before the ratios, so the first checkout's cart is the same either way.
        Assert.Equal(first.Lines, same.Lines);
        Assert.InRange(more.Count(checkout => checkout.PaymentToken == PaymentTokens.Decline), 850, 1150);
        Assert.InRange(more.Count(checkout => checkout.RepeatOrder), 1800, 2200);
    }
}
