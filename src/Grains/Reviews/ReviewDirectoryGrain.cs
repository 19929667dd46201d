using K8Shop.Contracts.Identity;
using K8Shop.Contracts.Reviews;
using Orleans.Concurrency;

namespace K8Shop.Grains.Reviews;

/// <summary>Reviews by id: the store says which book a review is about, and that book's grain makes the change.</summary>
[StatelessWorker]
public sealed class ReviewDirectoryGrain(IReviewStore store) : Grain, IReviewDirectoryGrain
{
    public async Task<int> VoteHelpfulAsync(Guid reviewId, string userId) =>
        await (await BookOf(reviewId)).VoteHelpfulAsync(reviewId, userId);

    public async Task<Review> SetHiddenAsync(Guid reviewId, bool hidden) =>
        await (await BookOf(reviewId)).SetHiddenAsync(reviewId, hidden);

    public Task<ReviewListPage> ListAsync(bool? hidden, int skip, int take)
    {
        if (Caller.Current is { Kind: not CallerKind.Admin })
            throw new NotOwnerException("only an admin can list reviews for moderation");
        return store.ListAsync(hidden, Math.Max(0, skip), Math.Clamp(take, 0, K8Shop.Contracts.Rules.ShopLimits.Reviews.MaxPageSize));
    }

    private async Task<IBookReviewsGrain> BookOf(Guid reviewId) =>
        await store.FindSkuAsync(reviewId) is { } sku
            ? GrainFactory.GetGrain<IBookReviewsGrain>(sku)
            : throw new ReviewNotFoundException();
}
