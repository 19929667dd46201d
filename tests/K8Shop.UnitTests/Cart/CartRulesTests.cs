using System.Collections.Immutable;
using K8Shop.Contracts.Cart;
using K8Shop.Grains.Cart;

namespace K8Shop.UnitTests.Cart;

public sealed class CartRulesTests
{
    private static readonly CartOptions Limits = new() { MaxLines = 3, MaxQuantityPerLine = 10, IdleExpiry = TimeSpan.FromHours(1) };
    private static readonly DateTimeOffset Then = TestData.Epoch;
    private static readonly DateTimeOffset Now = TestData.Epoch.AddMinutes(5);

    private static CartLine Line(string sku, int quantity, decimal price = 10m, string? title = null) => new(sku, quantity, price, title ?? $"Title {sku}");

    private static CartState Cart(params CartLine[] lines) =>
        new() { Lines = [.. lines], Revision = Guid.NewGuid(), LastModified = Then };

    private static CartSnapshot Guest(params CartLine[] lines) =>
        new(Guid.NewGuid(), [.. lines.Select(CartRules.ToView)]);

    private static (string, int, decimal)[] Rows(CartState cart) => [.. cart.Lines.Select(l => (l.ProductId, l.Quantity, l.Price))];

    // Add

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

    // Merge

    [Fact]
    public void Merge_GuestLines_AddToMatchingLinesAndAppendNewOnes()
    {
        var cart = Cart(Line("A", 2, 5m));

        var next = CartRules.Merge(cart, "guest-1", Guest(Line("a", 3, 6m), Line("B", 1, 7m)), Limits, Now);

        Assert.Equal([("A", 5, 5m), ("B", 1, 7m)], Rows(next));
        Assert.NotEqual(cart.Revision, next.Revision);
        Assert.Equal(Now, next.LastModified);
    }

    [Fact]
    public void Merge_QuantitiesPastTheCap_ClampToTheCap()
    {
        var cart = Cart(Line("A", 8));

        var next = CartRules.Merge(cart, "guest-1", Guest(Line("A", 5), Line("B", 10)), Limits, Now);

        Assert.Equal([("A", 10, 10m), ("B", 10, 10m)], Rows(next));
    }

    [Fact]
    public void Merge_LinesPastMaxLines_AreDroppedWithoutError()
    {
        var cart = Cart(Line("A", 1), Line("B", 1));

        var next = CartRules.Merge(cart, "guest-1", Guest(Line("C", 1), Line("D", 1), Line("B", 2)), Limits, Now);

        Assert.Equal([("A", 1, 10m), ("B", 3, 10m), ("C", 1, 10m)], Rows(next));
    }

    [Fact]
    public void Merge_GuestRevision_IsRecorded()
    {
        var guest = Guest(Line("A", 1));

        var next = CartRules.Merge(Cart(), "guest-1", guest, Limits, Now);

        Assert.Equal(new MergedGuest("guest-1", guest.Revision), Assert.Single(next.MergedGuests));
        Assert.True(CartRules.AlreadyMerged(next, "guest-1", guest.Revision));
    }

    [Fact]
    public void Merge_SameGuestRevisionAgain_ReturnsTheSameState()
    {
        var guest = Guest(Line("A", 1));
        var once = CartRules.Merge(Cart(), "guest-1", guest, Limits, Now);

        var twice = CartRules.Merge(once, "guest-1", guest, Limits, Now.AddMinutes(1));

        Assert.Same(once, twice);
    }

    [Fact]
    public void Merge_SameRevisionFromAnotherGuest_IsNotTakenAsAlreadyMerged()
    {
        var guest = Guest(Line("A", 1));
        var once = CartRules.Merge(Cart(), "guest-1", guest, Limits, Now);

        var next = CartRules.Merge(once, "guest-2", guest, Limits, Now);

        Assert.Equal(2, Assert.Single(next.Lines).Quantity);
    }

    [Fact]
    public void Merge_EmptyGuestSnapshot_ReturnsTheSameState()
    {
        var cart = Cart(Line("A", 1));

        Assert.Same(cart, CartRules.Merge(cart, "guest-1", new CartSnapshot(Guid.NewGuid(), []), Limits, Now));
    }

    [Fact]
    public void Merge_MoreGuestsThanMergeMemory_KeepsOnlyTheNewestRevisions()
    {
        var cart = Cart();
        var revisions = new List<Guid>();
        for (var i = 0; i < CartState.MergeMemory + 3; i++)
        {
            var guest = Guest(Line("A", 1));
            revisions.Add(guest.Revision);
            cart = CartRules.Merge(cart with { Lines = [] }, $"guest-{i}", guest, Limits, Now);
        }

        Assert.Equal(CartState.MergeMemory, cart.MergedGuests.Count);
        Assert.Equal(revisions.Skip(3), cart.MergedGuests.Select(m => m.Revision));
        Assert.Equal("guest-3", cart.MergedGuests[0].GuestId);
    }

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
