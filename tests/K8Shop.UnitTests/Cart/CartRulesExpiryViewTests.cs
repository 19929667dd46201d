using K8Shop.Contracts.Cart;
using K8Shop.Grains.Cart;

namespace K8Shop.UnitTests.Cart;

/// <summary>CartRules.IsAbandoned after the idle expiry, and the priced view of a cart.</summary>
public sealed class CartRulesExpiryViewTests : CartRulesTestBase
{
    // IsAbandoned

    [Fact]
    public void IsAbandoned_LinesIdleLongerThanTheExpiry_IsTrue()
    {
        var cart = Cart(Line("A", 1));

        Assert.True(CartRules.IsAbandoned(cart, Limits, Then + Limits.IdleExpiry + TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void IsAbandoned_IdleExactlyTheExpiry_IsFalse()
    {
        var cart = Cart(Line("A", 1));

        Assert.False(CartRules.IsAbandoned(cart, Limits, Then + Limits.IdleExpiry));
    }

    [Fact]
    public void IsAbandoned_EmptyCartIdleForLong_IsFalse()
    {
        Assert.False(CartRules.IsAbandoned(Cart(), Limits, Then.AddDays(365)));
    }

    // View

    [Fact]
    public void View_Lines_TotalIsExactQuantityTimesPriceInOrder()
    {
        var cart = Cart(Line("BOOK-005", 3, 21.00m, "Atomic Habits"), Line("BOOK-002", 2, 38.50m, "Clean Architecture"));

        var view = CartRules.View("user-1", cart);

        Assert.Equal("user-1", view.UserId);
        Assert.Equal(
            [new CartLineView("BOOK-005", 3, 21.00m, 63.00m, "Atomic Habits"), new CartLineView("BOOK-002", 2, 38.50m, 77.00m, "Clean Architecture")],
            view.Items.AsEnumerable());
        Assert.Equal(5, view.ItemCount);
        Assert.Equal(140.00m, view.Subtotal);
    }

    [Fact]
    public void View_SubtotalAtAMidpoint_RoundsHalfToEven()
    {
        // 0.125 + 0.010 = 0.135 -> 0.14 (half to even goes up from 3); 0.125 alone -> 0.12 (stays at 2).
        var twoLines = CartRules.View("u", Cart(Line("A", 1, 0.125m), Line("B", 1, 0.010m)));
        var oneLine = CartRules.View("u", Cart(Line("A", 1, 0.125m)));

        Assert.Equal(0.14m, twoLines.Subtotal);
        Assert.Equal(0.12m, oneLine.Subtotal);
        Assert.Equal(0.125m, oneLine.Items[0].Total);
    }

    [Fact]
    public void View_EmptyCart_HasNoItemsAndZeroes()
    {
        var view = CartRules.View("u", CartState.Empty);

        Assert.Empty(view.Items);
        Assert.Equal(0, view.ItemCount);
        Assert.Equal(0m, view.Subtotal);
    }
}
