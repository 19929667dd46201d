using K8Shop.Contracts.Cart;
using K8Shop.Grains.Cart;

namespace K8Shop.UnitTests.Cart;

/// <summary>CartRules.Merge of a guest cart into a user's cart, once per guest revision.</summary>
public sealed class CartRulesMergeTests : CartRulesTestBase
{
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
}
