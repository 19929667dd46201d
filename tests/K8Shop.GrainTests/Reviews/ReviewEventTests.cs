using K8Shop.Contracts.Events;
using K8Shop.Contracts.Identity;
using K8Shop.Contracts.Reviews;
using K8Shop.GrainTests.Identity;
using static K8Shop.GrainTests.Reviews.ReviewBooks;

namespace K8Shop.GrainTests.Reviews;

/// <summary>Review changes publish their events once each on the book's <c>review</c> stream, and never the text.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReviewEventTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Created_updated_hidden_and_deleted_are_published_once_each_in_order_without_the_text()
    {
        var grains = cluster.Grains;
        var sku = await NewAsync(grains);
        var user = await BuyerAsync(grains, sku);
        var received = await EventRecorder.SubscribeAsync(cluster.Client, ReviewEvent.StreamNamespaceName, sku);

        var review = (await grains.Book(sku).PutAsync(Draft(user, 4, "A secret opinion here."))).Review;
        await grains.Book(sku).PutAsync(Draft(user, 5, "A changed opinion here."));
        await CallerScope.As(new Caller("operator", CallerKind.Admin), () => grains.GetGrain<IReviewDirectoryGrain>(0).SetHiddenAsync(review.Id, true));
        await grains.Book(sku).DeleteAsync(user);
        var events = (await EventRecorder.WaitForAsync(received, 4, settle: true)).Cast<ReviewEvent>().ToList();

        Assert.Equal([ReviewEvent.Created, ReviewEvent.Updated, ReviewEvent.Hidden, ReviewEvent.Deleted], events.Select(e => e.Event));
        Assert.Equal(4, events.Select(e => e.MessageId).Distinct().Count());
        Assert.All(events, e => Assert.Equal((review.Id, sku, user), (e.ReviewId, e.Sku, e.UserId)));
        Assert.Equal([4, 5, 5, 5], events.Select(e => e.Rating));
        Assert.True(events[2].IsHidden);
        Assert.Equal(IntegrationEvent.StableMessageId(review.Id.ToString(), ReviewEvent.Created), events[0].MessageId);
        Assert.DoesNotContain("opinion", System.Text.Json.JsonSerializer.Serialize(events), StringComparison.Ordinal);
        Assert.Equal(0, await PendingAfterPublishAsync(sku));
    }

    [Fact]
    public async Task A_book_activated_again_does_not_publish_what_was_already_published()
    {
        var grains = cluster.Grains;
        var sku = await NewAsync(grains);
        var received = await EventRecorder.SubscribeAsync(cluster.Client, ReviewEvent.StreamNamespaceName, sku);
        await grains.Book(sku).PutAsync(Draft(await BuyerAsync(grains, sku), 3));
        await EventRecorder.WaitForAsync(received, 1);
        Assert.Equal(0, await PendingAfterPublishAsync(sku));

        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await grains.Book(sku).GetSummaryAsync();

        await Task.Delay(500);
        Assert.Single(await EventRecorder.WaitForAsync(received, 1, settle: true));
    }
}
