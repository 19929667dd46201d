using K8Shop.Contracts.Identity;
using K8Shop.Contracts.Reviews;
using K8Shop.GrainTests.Identity;
using K8Shop.GrainTests.Orders;
using static K8Shop.GrainTests.Reviews.ReviewBooks;

namespace K8Shop.GrainTests.Reviews;

/// <summary>Who may review a book, once each, edits and deletes, helpful votes and an admin's hiding, on the book's grain.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReviewGrainTests(ClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task A_shopper_without_a_confirmed_order_of_the_book_is_refused_and_nothing_is_stored()
    {
        var sku = await NewAsync(Grains);
        var other = await NewAsync(Grains);
        var boughtAnother = await BuyerAsync(Grains, other);
        var declined = Checkout.NewUser();
        await Grains.GetGrain<K8Shop.Contracts.Orders.IOrderGrain>(Checkout.NewOrderId()).PlaceAsync(Checkout.Command(declined, "tok_decline", (sku, 1)));

        foreach (var user in new[] { Checkout.NewUser(), boughtAnother, declined })
        {
            var refused = await Assert.ThrowsAsync<NotVerifiedBuyerException>(() => CallerScope.As(user, () => Grains.Book(sku).PutAsync(Draft(user, 5))));
            Assert.Equal(NotVerifiedBuyerException.Reason, refused.Message);
        }

        var page = await Grains.Book(sku).ListAsync(Page());
        Assert.Equal((0, 0), (page.Total, page.Summary.Count));
        Assert.Empty((await ClusterFixture.Reviews.LoadAsync(sku)).Reviews);
    }

    [Fact]
    public async Task A_buyer_reviews_once_and_a_second_put_edits_the_same_review()
    {
        var sku = await NewAsync(Grains);
        var user = await BuyerAsync(Grains, sku);

        var first = await CallerScope.As(user, () => Grains.Book(sku).PutAsync(Draft(user, 2, "  Not for me, too long.  ")));
        var second = await CallerScope.As(user, () => Grains.Book(sku).PutAsync(Draft(user, 4, "Better on a second reading.")));

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Review.Id, second.Review.Id);
        Assert.Equal("Not for me, too long.", first.Review.Text);
        Assert.Equal((4, "Better on a second reading.", first.Review.CreatedAt), (second.Review.Rating, second.Review.Text, second.Review.CreatedAt));
        var page = await CallerScope.As(user, () => Grains.Book(sku).ListAsync(Page(user)));
        Assert.Equal((1, 1, 4), (page.Total, page.Summary.Count, page.Summary.Sum));
        Assert.Equal([0, 0, 0, 1, 0], page.Summary.Stars.AsEnumerable());
        Assert.Equal(first.Review.Id, page.Mine?.Id);
        Assert.True(page.CanReview);
    }

    [Fact]
    public async Task A_shopper_cannot_write_or_delete_as_another_shopper()
    {
        var sku = await NewAsync(Grains);
        var victim = await BuyerAsync(Grains, sku);
        await Grains.Book(sku).PutAsync(Draft(victim, 5));

        await Assert.ThrowsAsync<NotOwnerException>(() => CallerScope.As("mallory", () => Grains.Book(sku).PutAsync(Draft(victim, 1))));
        await Assert.ThrowsAsync<NotOwnerException>(() => CallerScope.As("mallory", () => Grains.Book(sku).DeleteAsync(victim)));

        Assert.Equal(5, (await Grains.Book(sku).GetSummaryAsync()).Sum);
    }

    [Theory]
    [InlineData(0, "A fine book, would read again.", "rating")]
    [InlineData(6, "A fine book, would read again.", "rating")]
    [InlineData(3, "   short   ", "text")]
    [InlineData(3, "Fine book\u0000 with a NUL", "text")]
    [InlineData(3, "Fine book \u001b[31m in red", "text")]
    public async Task A_bad_rating_or_text_is_refused_naming_the_field(int rating, string text, string field)
    {
        var sku = await NewAsync(Grains);
        var user = await BuyerAsync(Grains, sku);

        var refused = await Assert.ThrowsAsync<ReviewRuleException>(() => Grains.Book(sku).PutAsync(Draft(user, rating, text)));

        Assert.Equal(field, refused.Field);
        Assert.Equal(0, (await Grains.Book(sku).GetSummaryAsync()).Count);
    }

    [Fact]
    public async Task Text_at_the_length_limit_is_kept_and_one_character_more_is_refused()
    {
        var sku = await NewAsync(Grains);
        var user = await BuyerAsync(Grains, sku);
        var longest = new string('a', K8Shop.Contracts.Rules.ShopLimits.Reviews.MaxTextLength);

        await Assert.ThrowsAsync<ReviewRuleException>(() => Grains.Book(sku).PutAsync(Draft(user, 3, longest + "a")));
        var written = await Grains.Book(sku).PutAsync(Draft(user, 3, "\n" + longest + "\t"));

        Assert.Equal(longest, written.Review.Text);
    }

    [Fact]
    public async Task Deleting_removes_the_review_from_list_summary_and_store_and_a_second_delete_finds_none()
    {
        var sku = await NewAsync(Grains);
        var (a, b) = (await BuyerAsync(Grains, sku), await BuyerAsync(Grains, sku));
        await Grains.Book(sku).PutAsync(Draft(a, 1));
        await Grains.Book(sku).PutAsync(Draft(b, 5));

        Assert.True(await Grains.Book(sku).DeleteAsync(a));
        Assert.False(await Grains.Book(sku).DeleteAsync(a));

        var page = await Grains.Book(sku).ListAsync(Page(a));
        Assert.Equal((1, 1, 5, null), (page.Total, page.Summary.Count, page.Summary.Sum, page.Mine));
        Assert.Equal(b, Assert.Single((await ClusterFixture.Reviews.LoadAsync(sku)).Reviews).UserId);
    }

    [Fact]
    public async Task Helpful_counts_once_per_shopper_never_the_authors_own_and_orders_the_helpful_list()
    {
        var sku = await NewAsync(Grains);
        var (a, b) = (await BuyerAsync(Grains, sku), await BuyerAsync(Grains, sku));
        var older = (await Grains.Book(sku).PutAsync(Draft(a, 4))).Review;
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        var newer = (await Grains.Book(sku).PutAsync(Draft(b, 2))).Review;
        var directory = Grains.GetGrain<IReviewDirectoryGrain>(0);

        Assert.Equal(1, await CallerScope.As("reader-1", () => directory.VoteHelpfulAsync(older.Id, "reader-1")));
        Assert.Equal(1, await CallerScope.As("reader-1", () => directory.VoteHelpfulAsync(older.Id, "reader-1")));
        Assert.Equal(2, await CallerScope.As(b, () => directory.VoteHelpfulAsync(older.Id, b)));
        await Assert.ThrowsAsync<ReviewConflictException>(() => CallerScope.As(a, () => directory.VoteHelpfulAsync(older.Id, a)));
        await Assert.ThrowsAsync<NotOwnerException>(() => CallerScope.As("mallory", () => directory.VoteHelpfulAsync(older.Id, "reader-2")));
        await Assert.ThrowsAsync<ReviewNotFoundException>(() => directory.VoteHelpfulAsync(Guid.NewGuid(), "reader-1"));

        var newest = await Grains.Book(sku).ListAsync(Page());
        var helpful = await Grains.Book(sku).ListAsync(Page(sort: ReviewSort.Helpful));
        Assert.Equal([newer.Id, older.Id], newest.Items.Select(r => r.Id));
        Assert.Equal([older.Id, newer.Id], helpful.Items.Select(r => r.Id));
        Assert.Equal(2, (await ClusterFixture.Reviews.LoadAsync(sku)).Votes.Length);
    }

    [Fact]
    public async Task An_admin_hides_a_review_it_leaves_list_and_summary_its_author_still_sees_it_and_showing_brings_it_back()
    {
        var sku = await NewAsync(Grains);
        var (a, b) = (await BuyerAsync(Grains, sku), await BuyerAsync(Grains, sku));
        var rude = (await Grains.Book(sku).PutAsync(Draft(a, 1))).Review;
        await Grains.Book(sku).PutAsync(Draft(b, 5));
        var directory = Grains.GetGrain<IReviewDirectoryGrain>(0);
        var admin = new Caller("operator", CallerKind.Admin);

        await Assert.ThrowsAsync<NotOwnerException>(() => CallerScope.As(b, () => directory.SetHiddenAsync(rude.Id, true)));
        var hidden = await CallerScope.As(admin, () => directory.SetHiddenAsync(rude.Id, true));
        var seenByOthers = await Grains.Book(sku).ListAsync(Page(b));
        var seenByAuthor = await CallerScope.As(a, () => Grains.Book(sku).ListAsync(Page(a)));
        var moderation = await CallerScope.As(admin, () => directory.ListAsync(true, 0, 50));

        Assert.True(hidden.Hidden);
        Assert.Equal((1, 1, 5), (seenByOthers.Total, seenByOthers.Summary.Count, seenByOthers.Summary.Sum));
        Assert.DoesNotContain(seenByOthers.Items, r => r.Id == rude.Id);
        Assert.True(seenByAuthor.Mine?.Hidden);
        Assert.Contains(moderation.Items, r => r.Id == rude.Id);
        await Assert.ThrowsAsync<ReviewNotFoundException>(() => directory.VoteHelpfulAsync(rude.Id, b));

        await CallerScope.As(admin, () => directory.SetHiddenAsync(rude.Id, false));
        Assert.Equal((2, 6), ((await Grains.Book(sku).GetSummaryAsync()).Count, (await Grains.Book(sku).GetSummaryAsync()).Sum));
    }

    [Fact]
    public async Task The_summary_is_rebuilt_from_the_store_when_the_book_activates_again()
    {
        var sku = await NewAsync(Grains);
        foreach (var rating in new[] { 5, 3, 3 })
            await Grains.Book(sku).PutAsync(Draft(await BuyerAsync(Grains, sku), rating));
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        // Written behind the grain's back, with a summary that is wrong on purpose: the reviews are the truth.
        var now = DateTimeOffset.UtcNow;
        var extra = new Review(Guid.NewGuid(), sku, "written-directly", "Direct", 1, "Stored while the book slept.", now, now, false, 0);
        await ClusterFixture.Reviews.SaveAsync(new K8Shop.Grains.Reviews.ReviewChange(sku, K8Shop.Grains.Reviews.RatingSummaries.Empty(sku), extra));

        var after = await Grains.Book(sku).GetSummaryAsync();

        Assert.Equal((4, 12), (after.Count, after.Sum));
        Assert.Equal([1, 0, 2, 0, 1], after.Stars.AsEnumerable());
    }
}
