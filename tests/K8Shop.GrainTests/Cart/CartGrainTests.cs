using K8Shop.Contracts.Cart;

namespace K8Shop.GrainTests.Cart;

[Collection(ClusterCollection.Name)]
public sealed class CartGrainTests(ClusterFixture cluster)
{
    private static readonly int MaxLines = ClusterFixture.CartLimits.MaxLines;
    private static readonly int MaxQuantity = ClusterFixture.CartLimits.MaxQuantityPerLine;
    private static readonly TimeSpan IdleExpiry = ClusterFixture.CartLimits.IdleExpiry;

    private ICartGrain NewCart() => cluster.Grains.GetGrain<ICartGrain>($"user-{Guid.NewGuid():N}");

    private static (string, int, decimal, decimal)[] Rows(CartView cart) =>
        [.. cart.Items.Select(i => (i.ProductId, i.Quantity, i.Price, i.Total))];

    /// <summary>Views compare by content: a record's ImmutableArray compares by reference.</summary>
    private static void AssertSameCart(CartView expected, CartView actual)
    {
        Assert.Equal(expected.Items.AsEnumerable(), actual.Items.AsEnumerable());
        Assert.Equal((expected.UserId, expected.ItemCount, expected.Subtotal), (actual.UserId, actual.ItemCount, actual.Subtotal));
    }

    [Fact]
    public async Task AddItem_SkuInLowerCase_StoresCanonicalSkuWithCatalogPriceAndTitle()
    {
        var cart = NewCart();

        var view = await cart.AddItemAsync("book-005", 2);

        var line = Assert.Single(view.Items);
        Assert.Equal(new CartLineView("BOOK-005", 2, 21.00m, 42.00m, "Atomic Habits"), line);
        Assert.Equal((2, 42.00m), (view.ItemCount, view.Subtotal));
        AssertSameCart(view, await cart.GetAsync());
    }

    [Fact]
    public async Task AddItem_TwoProductsAndARepeat_AddsQuantityAndKeepsOrder()
    {
        var cart = NewCart();

        await cart.AddItemAsync("BOOK-005", 1);
        await cart.AddItemAsync("BOOK-002", 3);
        var view = await cart.AddItemAsync("Book-005", 2);

        Assert.Equal([("BOOK-005", 3, 21.00m, 63.00m), ("BOOK-002", 3, 38.50m, 115.50m)], Rows(view));
        Assert.Equal((6, 178.50m), (view.ItemCount, view.Subtotal));
    }

    [Fact]
    public async Task AddItem_UnknownSku_ThrowsOnProductIdAndLeavesTheCart()
    {
        var cart = NewCart();
        await cart.AddItemAsync("BOOK-005", 1);

        var error = await Assert.ThrowsAsync<CartRuleException>(() => cart.AddItemAsync("NO-SUCH-BOOK", 1));

        Assert.Equal("productId", error.Field);
        Assert.Equal([("BOOK-005", 1, 21.00m, 21.00m)], Rows(await cart.GetAsync()));
    }

    [Fact]
    public async Task AddItem_ProductUuidInsteadOfSku_ThrowsOnProductId()
    {
        var cart = NewCart();
        var product = await cluster.Grains.GetGrain<K8Shop.Contracts.Catalog.ICatalogGrain>(0).FindAsync("BOOK-005");
        Assert.NotNull(product);

        var error = await Assert.ThrowsAsync<CartRuleException>(() => cart.AddItemAsync(product.Id.ToString(), 1));

        Assert.Equal("productId", error.Field);
        Assert.Empty((await cart.GetAsync()).Items);
    }

    [Fact]
    public async Task AddItem_PastTheQuantityCap_ThrowsOnQuantityAndKeepsTheLine()
    {
        var cart = NewCart();
        await cart.AddItemAsync("BOOK-005", MaxQuantity - 1);

        var error = await Assert.ThrowsAsync<CartRuleException>(() => cart.AddItemAsync("BOOK-005", 2));

        Assert.Equal("quantity", error.Field);
        Assert.Equal(MaxQuantity - 1, Assert.Single((await cart.GetAsync()).Items).Quantity);
    }

    [Fact]
    public async Task AddItem_PastMaxLines_ThrowsOnProductId()
    {
        var cart = NewCart();
        for (var i = 1; i <= MaxLines; i++)
            await cart.AddItemAsync($"BOOK-00{i}", 1);

        var error = await Assert.ThrowsAsync<CartRuleException>(() => cart.AddItemAsync("BOOK-006", 1));

        Assert.Equal("productId", error.Field);
        Assert.Equal(MaxLines, (await cart.GetAsync()).Items.Length);
    }

    [Fact]
    public async Task AddItem_ZeroQuantity_ThrowsOnQuantity()
    {
        var error = await Assert.ThrowsAsync<CartRuleException>(() => NewCart().AddItemAsync("BOOK-005", 0));

        Assert.Equal("quantity", error.Field);
    }

    [Fact]
    public async Task SetQuantity_ExistingLine_ChangesQuantityAndZeroRemovesIt()
    {
        var cart = NewCart();
        await cart.AddItemAsync("BOOK-005", 1);
        await cart.AddItemAsync("BOOK-002", 1);

        var set = await cart.SetQuantityAsync("book-002", 4);
        var removed = await cart.SetQuantityAsync("BOOK-005", 0);

        Assert.Equal([("BOOK-005", 1, 21.00m, 21.00m), ("BOOK-002", 4, 38.50m, 154.00m)], Rows(set));
        Assert.Equal([("BOOK-002", 4, 38.50m, 154.00m)], Rows(removed));
    }

    [Fact]
    public async Task SetQuantity_AboveTheCap_ThrowsOnQuantity()
    {
        var cart = NewCart();
        await cart.AddItemAsync("BOOK-005", 1);

        var error = await Assert.ThrowsAsync<CartRuleException>(() => cart.SetQuantityAsync("BOOK-005", MaxQuantity + 1));

        Assert.Equal("quantity", error.Field);
        Assert.Equal(1, Assert.Single((await cart.GetAsync()).Items).Quantity);
    }

    [Fact]
    public async Task RemoveItem_ExistingAndAbsent_RemovesOnlyTheExistingLine()
    {
        var cart = NewCart();
        await cart.AddItemAsync("BOOK-005", 1);
        await cart.AddItemAsync("BOOK-002", 1);

        await cart.RemoveItemAsync("BOOK-005");
        var view = await cart.RemoveItemAsync("BOOK-009");

        Assert.Equal(["BOOK-002"], view.Items.Select(i => i.ProductId));
    }

    [Fact]
    public async Task Checkout_CartWithLines_ReturnsThemThenReadsEmpty()
    {
        var cart = NewCart();
        await cart.AddItemAsync("BOOK-005", 2);
        await cart.AddItemAsync("BOOK-002", 1);

        var receipt = await cart.CheckoutAsync();
        var after = await cart.GetAsync();

        Assert.Equal([("BOOK-005", 2, 21.00m, 42.00m), ("BOOK-002", 1, 38.50m, 38.50m)], Rows(receipt));
        Assert.Equal(80.50m, receipt.Subtotal);
        Assert.Empty(after.Items);
        Assert.Equal((0, 0m), (after.ItemCount, after.Subtotal));
    }

    [Fact]
    public async Task Clear_CartWithLines_Empties()
    {
        var cart = NewCart();
        await cart.AddItemAsync("BOOK-005", 2);

        var cleared = await cart.ClearAsync();

        Assert.Empty(cleared.Items);
        Assert.Empty((await cart.GetAsync()).Items);
    }

    [Fact]
    public async Task MergeFrom_GuestWithLines_AddsQuantitiesAndEmptiesTheGuest()
    {
        var user = NewCart();
        var guestId = $"guest-{Guid.NewGuid():N}";
        var guest = cluster.Grains.GetGrain<ICartGrain>(guestId);
        await user.AddItemAsync("BOOK-005", 1);
        await guest.AddItemAsync("BOOK-005", 2);
        await guest.AddItemAsync("BOOK-002", 1);

        var merged = await user.MergeFromAsync(guestId);

        Assert.Equal([("BOOK-005", 3, 21.00m, 63.00m), ("BOOK-002", 1, 38.50m, 38.50m)], Rows(merged));
        Assert.Empty((await guest.GetAsync()).Items);
    }

    [Fact]
    public async Task MergeFrom_SameGuestTwice_SecondMergeChangesNothing()
    {
        var user = NewCart();
        var guestId = $"guest-{Guid.NewGuid():N}";
        await cluster.Grains.GetGrain<ICartGrain>(guestId).AddItemAsync("BOOK-005", 2);
        var first = await user.MergeFromAsync(guestId);

        var second = await user.MergeFromAsync(guestId);

        AssertSameCart(first, second);
        Assert.Equal(2, Assert.Single(second.Items).Quantity);
    }

    [Fact]
    public async Task MergeFrom_GuestAddsAfterAMerge_NextMergeTakesOnlyTheNewLines()
    {
        var user = NewCart();
        var guestId = $"guest-{Guid.NewGuid():N}";
        var guest = cluster.Grains.GetGrain<ICartGrain>(guestId);
        await guest.AddItemAsync("BOOK-005", 2);
        await user.MergeFromAsync(guestId);
        await guest.AddItemAsync("BOOK-002", 1);

        var merged = await user.MergeFromAsync(guestId);

        Assert.Equal([("BOOK-005", 2, 21.00m, 42.00m), ("BOOK-002", 1, 38.50m, 38.50m)], Rows(merged));
        Assert.Empty((await guest.GetAsync()).Items);
    }

    [Fact]
    public async Task MergeFrom_QuantitiesPastTheCap_ClampInsteadOfFailing()
    {
        var user = NewCart();
        var guestId = $"guest-{Guid.NewGuid():N}";
        await user.AddItemAsync("BOOK-005", MaxQuantity - 1);
        await cluster.Grains.GetGrain<ICartGrain>(guestId).AddItemAsync("BOOK-005", 5);

        var merged = await user.MergeFromAsync(guestId);

        Assert.Equal(MaxQuantity, Assert.Single(merged.Items).Quantity);
    }

    [Fact]
    public async Task MergeFrom_ItsOwnId_ThrowsOnGuestId()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        var cart = cluster.Grains.GetGrain<ICartGrain>(userId);
        await cart.AddItemAsync("BOOK-005", 1);

        var error = await Assert.ThrowsAsync<CartRuleException>(() => cart.MergeFromAsync(userId));

        Assert.Equal("guestId", error.Field);
        Assert.Equal(1, Assert.Single((await cart.GetAsync()).Items).Quantity);
    }

    [Fact]
    public async Task MergeFrom_EmptyGuest_LeavesTheCartAsItWas()
    {
        var cart = NewCart();
        var before = await cart.AddItemAsync("BOOK-005", 1);

        var after = await cart.MergeFromAsync($"guest-{Guid.NewGuid():N}");

        AssertSameCart(before, after);
    }

    [Fact]
    public async Task Get_CartIdleLongerThanTheExpiry_ReadsEmptyAndANewAddStartsAFreshCart()
    {
        var cart = NewCart();
        await cart.AddItemAsync("BOOK-005", 3);
        cluster.Clock.Advance(IdleExpiry + TimeSpan.FromMinutes(1));

        var expired = await cart.GetAsync();
        var fresh = await cart.AddItemAsync("BOOK-002", 1);

        Assert.Empty(expired.Items);
        Assert.Equal([("BOOK-002", 1, 38.50m, 38.50m)], Rows(fresh));
    }

    [Fact]
    public async Task AddItem_CartIdleLongerThanTheExpiry_DoesNotAddToTheOldLines()
    {
        var cart = NewCart();
        await cart.AddItemAsync("BOOK-005", MaxQuantity);
        cluster.Clock.Advance(IdleExpiry + TimeSpan.FromMinutes(1));

        var fresh = await cart.AddItemAsync("BOOK-005", 1);

        Assert.Equal([("BOOK-005", 1, 21.00m, 21.00m)], Rows(fresh));
    }

    [Fact]
    public async Task Get_CartTouchedWithinTheExpiry_Survives()
    {
        var cart = NewCart();
        await cart.AddItemAsync("BOOK-005", 1);
        cluster.Clock.Advance(IdleExpiry / 2);
        await cart.AddItemAsync("BOOK-005", 1);
        cluster.Clock.Advance(IdleExpiry / 2 + TimeSpan.FromMinutes(1));

        var view = await cart.GetAsync();

        Assert.Equal(2, Assert.Single(view.Items).Quantity);
    }
}
