using K8Shop.Contracts.Cart;
using K8Shop.Grains.Cart;

namespace K8Shop.UnitTests.Cart;

/// <summary>CartRules.SetQuantity and Remove on a cart's lines.</summary>
public sealed class CartRulesQuantityRemoveTests : CartRulesTestBase
{
    // SetQuantity

    [Fact]
    public void SetQuantity_ExistingLine_SetsQuantityAndKeepsPrice()
    {
        var cart = Cart(Line("A", 2, 21m), Line("B", 1));

        var next = CartRules.SetQuantity(cart, "a", 7, Limits, Now);

        Assert.Equal([("A", 7, 21m), ("B", 1, 10m)], Rows(next));
        Assert.NotEqual(cart.Revision, next.Revision);
        Assert.Equal(Now, next.LastModified);
    }

    [Fact]
    public void SetQuantity_Zero_RemovesTheLine()
    {
        var cart = Cart(Line("A", 2), Line("B", 1));

        var next = CartRules.SetQuantity(cart, "A", 0, Limits, Now);

        Assert.Equal("B", Assert.Single(next.Lines).ProductId);
        Assert.NotEqual(cart.Revision, next.Revision);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void SetQuantity_AbsentLine_ReturnsTheSameState(int quantity)
    {
        var cart = Cart(Line("A", 2));

        var next = CartRules.SetQuantity(cart, "Z", quantity, Limits, Now);

        Assert.Same(cart, next);
    }

    [Fact]
    public void SetQuantity_SameQuantity_ReturnsTheSameState()
    {
        var cart = Cart(Line("A", 2));

        Assert.Same(cart, CartRules.SetQuantity(cart, "A", 2, Limits, Now));
    }

    [Fact]
    public void SetQuantity_Negative_ThrowsOnQuantity()
    {
        var error = Assert.Throws<CartRuleException>(() => CartRules.SetQuantity(Cart(Line("A", 2)), "A", -1, Limits, Now));

        Assert.Equal("quantity", error.Field);
    }

    [Fact]
    public void SetQuantity_AboveTheCap_ThrowsOnQuantity()
    {
        var cart = Cart(Line("A", 2));

        var error = Assert.Throws<CartRuleException>(() => CartRules.SetQuantity(cart, "A", 11, Limits, Now));

        Assert.Equal("quantity", error.Field);
        Assert.Equal(2, Assert.Single(cart.Lines).Quantity);
    }

    // Remove

    [Fact]
    public void Remove_ExistingLineInOtherCase_RemovesItWithNewRevision()
    {
        var cart = Cart(Line("A", 2), Line("B", 1));

        var next = CartRules.Remove(cart, "b", Now);

        Assert.Equal("A", Assert.Single(next.Lines).ProductId);
        Assert.NotEqual(cart.Revision, next.Revision);
        Assert.Equal(Now, next.LastModified);
    }

    [Fact]
    public void Remove_AbsentLine_ReturnsTheSameState()
    {
        var cart = Cart(Line("A", 2));

        Assert.Same(cart, CartRules.Remove(cart, "Z", Now));
    }
}
