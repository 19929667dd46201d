using K8Shop.Contracts.Events;
using K8Shop.Contracts.Identity;
using K8Shop.Contracts.Reviews;

namespace K8Shop.Grains.Reviews;

/// <summary>What shoppers and admins change: a shopper's own review, a helpful vote, a review hidden or shown.</summary>
public sealed partial class BookReviewsGrain
{
    public async Task<ReviewWritten> PutAsync(ReviewDraft draft)
    {
        if (!Caller.MayActFor(draft.UserId))
            throw new NotOwnerException();
        draft = ReviewRules.Validate(draft);
        if (!await BoughtAsync(draft.UserId))
            throw new NotVerifiedBuyerException();
        var now = Now();
        var existing = _reviews.Values.FirstOrDefault(r => r.UserId == draft.UserId);
        var review = existing is null
            ? new Review(Guid.CreateVersion7(now), Sku, draft.UserId, draft.Reviewer, draft.Rating, draft.Text, now, now, false, 0)
            : existing with { Reviewer = draft.Reviewer, Rating = draft.Rating, Text = draft.Text, UpdatedAt = now };
        await CommitAsync(review, null, null, [EventFor(existing is null ? ReviewEvent.Created : ReviewEvent.Updated, review)]);
        return new ReviewWritten(review, existing is null);
    }

    public async Task<bool> DeleteAsync(string userId)
    {
        if (!Caller.MayActFor(userId))
            throw new NotOwnerException();
        if (_reviews.Values.FirstOrDefault(r => r.UserId == userId) is not { } review)
            return false;
        await CommitAsync(null, review.Id, null, [EventFor(ReviewEvent.Deleted, review)]);
        return true;
    }

    public async Task<int> VoteHelpfulAsync(Guid reviewId, string userId)
    {
        if (!Caller.MayActFor(userId))
            throw new NotOwnerException();
        if (!_reviews.TryGetValue(reviewId, out var review) || review.Hidden)
            throw new ReviewNotFoundException();
        if (review.UserId == userId)
            throw new ReviewConflictException("a shopper cannot vote for their own review");
        var vote = new HelpfulVote(reviewId, userId);
        if (_votes.Contains(vote))
            return review.Helpful;
        var counted = review with { Helpful = review.Helpful + 1 };
        await CommitAsync(counted, null, vote, []);
        return counted.Helpful;
    }

    public async Task<Review> SetHiddenAsync(Guid reviewId, bool hidden)
    {
        if (Caller.Current is { Kind: not CallerKind.Admin })
            throw new NotOwnerException("only an admin can hide or show a review");
        if (!_reviews.TryGetValue(reviewId, out var review))
            throw new ReviewNotFoundException();
        if (review.Hidden == hidden)
            return review;
        var changed = review with { Hidden = hidden };
        await CommitAsync(changed, null, null, [EventFor(hidden ? ReviewEvent.Hidden : ReviewEvent.Shown, changed)]);
        return changed;
    }

    /// <summary>The time, to the microsecond PostgreSQL keeps, so a review read back is the review written.</summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }

    /// <summary>An event about <paramref name="review"/>; its message id names this change, so a republished copy is recognised.</summary>
    private ReviewEvent EventFor(string name, Review review)
    {
        var at = Now();
        return new ReviewEvent
        {
            // created and deleted happen once per review; an edit or a hide is a new fact each time it happens.
            MessageId = IntegrationEvent.StableMessageId(name is ReviewEvent.Created or ReviewEvent.Deleted ? review.Id.ToString() : $"{review.Id}@{at.UtcTicks}", name),
            CorrelationId = Sku,
            OccurredAt = at,
            Event = name,
            ReviewId = review.Id,
            Sku = Sku,
            UserId = review.UserId,
            Rating = review.Rating,
            IsHidden = review.Hidden,
        };
    }
}
