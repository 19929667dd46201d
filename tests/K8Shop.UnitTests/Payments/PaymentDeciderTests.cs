using K8Shop.Contracts.Payments;
using K8Shop.Grains.Payments;

namespace K8Shop.UnitTests.Payments;

public sealed class PaymentDeciderTests
{
    [Fact]
    public void By_default_every_charge_within_the_limit_is_approved()
    {
        var options = new PaymentOptions();
        Assert.All(Enumerable.Range(0, 500), i => Assert.Null(PaymentDecider.Decline($"order-{i}", 10m, null, options)));
    }

    [Theory]
    [InlineData("tok_decline")]
    [InlineData("4000 0000 0000 0002")]
    [InlineData("4000-0000-0000-0002")]
    public void Declining_test_tokens_decline(string token) =>
        Assert.Equal("card_declined", PaymentDecider.Decline("o-1", 10m, token, new PaymentOptions()));

    [Fact]
    public void An_amount_over_the_limit_declines() =>
        Assert.Equal("amount_over_limit", PaymentDecider.Decline("o-1", 10_000.01m, null, new PaymentOptions()));

    [Fact]
    public void The_failure_rate_declines_about_that_share_of_orders_the_same_way_every_time()
    {
        var options = new PaymentOptions { FailProbability = 20, Seed = 7 };
        var first = Enumerable.Range(0, 10_000).Select(i => PaymentDecider.Decline($"order-{i}", 10m, null, options)).ToList();
        var again = Enumerable.Range(0, 10_000).Select(i => PaymentDecider.Decline($"order-{i}", 10m, null, options)).ToList();
        Assert.Equal(first, again);
        var declined = first.Count(d => d == "processor_declined");
        Assert.InRange(declined, 1_800, 2_200);
    }

    [Fact]
    public void Another_seed_declines_other_orders_and_the_extremes_decline_none_or_all()
    {
        var a = Enumerable.Range(0, 1_000).Select(i => PaymentDecider.Draw($"o-{i}", 1)).ToList();
        var b = Enumerable.Range(0, 1_000).Select(i => PaymentDecider.Draw($"o-{i}", 2)).ToList();
        Assert.NotEqual(a, b);
        Assert.All(a, d => Assert.InRange(d, 0, 99));
        Assert.Equal("processor_declined", PaymentDecider.Decline("o-1", 1m, null, new PaymentOptions { FailProbability = 100 }));
        Assert.Null(PaymentDecider.Decline("o-1", 1m, null, new PaymentOptions { FailProbability = 0 }));
    }

    [Fact]
    public void Payment_ids_carry_the_order_id_both_ways_and_refuse_anything_else()
    {
        foreach (var orderId in new[] { "3f2a9c1e-0000-4000-8000-000000000001", "o-1", "ünïcode/+=" })
            Assert.Equal(orderId, PaymentIds.OrderIdOf(PaymentIds.For(orderId)));
        Assert.Null(PaymentIds.OrderIdOf("o-1"));
        Assert.Null(PaymentIds.OrderIdOf("pay_!!!"));
    }
}
