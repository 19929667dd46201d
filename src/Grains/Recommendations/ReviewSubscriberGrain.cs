using K8Shop.Contracts.Events;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace K8Shop.Grains.Recommendations;

/// <summary>Receives the review events of one stream of namespace <c>reviews</c>; nobody calls it.</summary>
public interface IReviewSubscriberGrain : IGrainWithStringKey;

/// <summary>
/// Implicitly subscribed to every stream of namespace <c>reviews</c>: passes each rating (created or updated) and each
/// removal (hidden or deleted) to the reviewer's <see cref="IShopperTasteGrain"/>, which the "rated highly by shoppers
/// with similar purchases" strategy reads. Awaited, so a failure is delivered again; a repeat changes nothing.
/// </summary>
[ImplicitStreamSubscription(ReviewEvent.StreamNamespaceName)]
[CollectionAgeLimit(Minutes = GrainLifetimes.ShortLivedIdleMinutes)]
public sealed partial class ReviewSubscriberGrain(ILogger<ReviewSubscriberGrain> logger)
    : Grain, IReviewSubscriberGrain, IStreamSubscriptionObserver, IAsyncObserver<IntegrationEvent>
{
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<IntegrationEvent>().ResumeAsync(this);

    public async Task OnNextAsync(IntegrationEvent item, StreamSequenceToken? token = null)
    {
        if (item is not ReviewEvent review || string.IsNullOrWhiteSpace(review.UserId) || string.IsNullOrWhiteSpace(review.Sku))
            return;
        bool? visible = review.Event switch
        {
            ReviewEvent.Created or ReviewEvent.Updated or ReviewEvent.Shown => true,
            ReviewEvent.Hidden or ReviewEvent.Deleted => false,
            _ => null,
        };
        if (visible is null)
            return;
        await GrainFactory.GetGrain<IShopperTasteGrain>(review.UserId)
            .RecordReviewAsync(review.ReviewId.ToString("D"), review.Sku, review.Rating, visible.Value);
        LogApplied(review.Event, review.ReviewId);
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(ex, this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recommendations applied {Event} of review {ReviewId}")]
    private partial void LogApplied(string @event, Guid reviewId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Review event stream {StreamKey} reported an error")]
    private partial void LogStreamError(Exception ex, string streamKey);
}
