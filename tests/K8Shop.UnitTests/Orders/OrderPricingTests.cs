using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Orders;
using K8Shop.Grains.Orders;

namespace K8Shop.UnitTests.Orders;

public sealed class OrderPricingTests
{
    private static readonly OrderOptions Limits = new() { MaxLines = 3, MaxQuantityPerLine = 10 };

    [Fact]
    public void Lines_are_summed_by_sku_ignoring_case_in_first_seen_order()
    {
        var lines = OrderPricing.Normalize([new("book-002", 1), new("BOOK-001", 2), new("Book-002", 3)], Limits);
        Assert.Equal([new OrderLineRequest("BOOK-002", 4), new OrderLineRequest("BOOK-001", 2)], lines.ToArray());
    }

    [Theory]
    [InlineData("BOOK-001", 0, "items[0].qty")]
    [InlineData("BOOK-001", -1, "items[0].qty")]
    [InlineData("BOOK-001", 11, "items[0].qty")]
    [InlineData("not a sku!", 1, "items[0].sku")]
    public void A_bad_line_is_refused_naming_its_field(string sku, int qty, string field)
    {
        var refused = Assert.Throws<OrderRuleException>(() => OrderPricing.Normalize([new(sku, qty)], Limits));
        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void Empty_too_many_skus_and_a_sum_over_the_limit_are_refused()
    {
        Assert.Equal("items", Assert.Throws<OrderRuleException>(() => OrderPricing.Normalize([], Limits)).Field);
        Assert.Equal("items", Assert.Throws<OrderRuleException>(() =>
            OrderPricing.Normalize([new("A", 1), new("B", 1), new("C", 1), new("D", 1)], Limits)).Field);
        Assert.Equal("items[A].qty", Assert.Throws<OrderRuleException>(() => OrderPricing.Normalize([new("A", 6), new("a", 6)], Limits)).Field);
    }

    [Fact]
    public void Prices_come_from_the_catalog_and_totals_round_half_to_even_at_cents()
    {
        var lines = OrderPricing.Normalize([new("BOOK-001", 2), new("BOOK-X", 3)], Limits);
        var priced = OrderPricing.Price(lines, [new ProductPrice("BOOK-001", "Pragmatic", 44.95m), new ProductPrice("BOOK-X", "X", 0.125m)]);
        Assert.Equal(89.90m, priced[0].Total);
        Assert.Equal(0.38m, priced[1].Total); // 0.375 -> 0.38 (half to even)
        Assert.Equal(90.28m, OrderPricing.Total(priced));
        Assert.Equal(0.12m, OrderPricing.LineTotal(1, 0.125m));
    }

    [Fact]
    public void A_sku_the_catalog_does_not_know_is_refused_by_its_position()
    {
        var lines = OrderPricing.Normalize([new("BOOK-001", 1), new("NOPE-1", 1)], Limits);
        var refused = Assert.Throws<OrderRuleException>(() => OrderPricing.Price(lines, [new ProductPrice("BOOK-001", "P", 1m), null]));
        Assert.Equal("items[1].sku", refused.Field);
    }
}
