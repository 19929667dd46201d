using K8Shop.Contracts.Cart;
using K8Shop.Grains.Cart;

namespace K8Shop.UnitTests.Cart;

/// <summary>CartRules.Add: adding to a line or a new line, within the line and quantity limits.</summary>
public sealed class CartRulesAddTests : CartRulesTestBase
{
    [Fact]
    public void Add_ExistingLine_AddsQuantityAndTakesNewPrice()
    {
        var cart = Cart(Line("BOOK-001", 2, 44.95m), Line("BOOK-002", 1, 38.50m));

        var next = CartRules.Add(cart, Line("BOOK-001", 3, 39.99m, "New title"), Limits, Now);

        Assert.Equal([("BOOK-001", 5, 39.99m), ("BOOK-002", 1, 38.50m)], Rows(next));
        Assert.Equal("New title", next.Lines[0].Title);
    }

    [Fact]
    public void Add_SkuInOtherCase_MatchesTheExistingLine()
    {
        var cart = Cart(Line("BOOK-001", 2));

        var next = CartRules.Add(cart, Line("book-001", 1), Limits, Now);

        Assert.Equal(3, Assert.Single(next.Lines).Quantity);
    }

    [Fact]
    public void Add_NewLine_IsAppendedAfterTheExistingOnes()
    {
        var cart = Cart(Line("BOOK-003", 1), Line("BOOK-001", 1));

        var next = CartRules.Add(cart, Line("BOOK-002", 4, 38.50m), Limits, Now);

        Assert.Equal([("BOOK-003", 1, 10m), ("BOOK-001", 1, 10m), ("BOOK-002", 4, 38.50m)], Rows(next));
    }

    [Fact]
    public void Add_AnyChange_GetsFreshRevisionAndLastModifiedNow()
    {
        var cart = Cart(Line("BOOK-001", 1));

        var next = CartRules.Add(cart, Line("BOOK-001", 1), Limits, Now);

        Assert.NotEqual(cart.Revision, next.Revision);
        Assert.NotEqual(Guid.Empty, next.Revision);
        Assert.Equal(Now, next.LastModified);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Add_QuantityBelowOne_ThrowsOnQuantity(int quantity)
    {
        var cart = Cart(Line("BOOK-001", 1));

        var error = Assert.Throws<CartRuleException>(() => CartRules.Add(cart, Line("BOOK-001", quantity), Limits, Now));

        Assert.Equal("quantity", error.Field);
        Assert.Equal(1, Assert.Single(cart.Lines).Quantity);
    }

    [Fact]
    public void Add_NewLinePastMaxLines_ThrowsOnProductId()
    {
        var cart = Cart(Line("A", 1), Line("B", 1), Line("C", 1));

        var error = Assert.Throws<CartRuleException>(() => CartRules.Add(cart, Line("D", 1), Limits, Now));

        Assert.Equal("productId", error.Field);
        Assert.Equal(3, cart.Lines.Count);
    }

    [Fact]
    public void Add_ExistingLineInAFullCart_IsStillAllowed()
    {
        var cart = Cart(Line("A", 1), Line("B", 1), Line("C", 1));

        var next = CartRules.Add(cart, Line("c", 2), Limits, Now);

        Assert.Equal(3, next.Lines[2].Quantity);
    }

    [Fact]
    public void Add_QuantityReachingTheCap_IsAllowed()
    {
        var next = CartRules.Add(Cart(Line("A", 4)), Line("A", 6), Limits, Now);

        Assert.Equal(10, Assert.Single(next.Lines).Quantity);
    }

    [Fact]
    public void Add_ExistingLinePastTheCap_ThrowsOnQuantityAndKeepsTheCart()
    {
        var cart = Cart(Line("A", 4, 5m));

        var error = Assert.Throws<CartRuleException>(() => CartRules.Add(cart, Line("A", 7, 6m), Limits, Now));

        Assert.Equal("quantity", error.Field);
        Assert.Equal([("A", 4, 5m)], Rows(cart));
    }

    [Fact]
    public void Add_NewLinePastTheCap_ThrowsOnQuantity()
    {
        var error = Assert.Throws<CartRuleException>(() => CartRules.Add(CartState.Empty, Line("A", 11), Limits, Now));

        Assert.Equal("quantity", error.Field);
    }

    [Fact]
    public void Add_QuantityThatOverflowsTheExistingLine_ThrowsOnQuantity()
    {
        // The gateway lets any quantity up to int.MaxValue through, so the sum must not wrap around below the cap.
        var cart = Cart(Line("A", 1));

        var error = Assert.Throws<CartRuleException>(() => CartRules.Add(cart, Line("A", int.MaxValue), Limits, Now));

        Assert.Equal("quantity", error.Field);
    }
}
