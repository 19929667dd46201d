using K8Shop.Contracts.Catalog;

namespace K8Shop.Contracts.Reviews;

/// <summary>
/// The reviews of one book (key: its canonical SKU). Every change to them goes through this grain, one at a time, and
/// is stored with the book's rating summary in one write, so the summary is exact under any number of shoppers rating
/// at once. Shoppers act only as themselves; hiding needs an admin.
/// </summary>
public interface IBookReviewsGrain : IGrainWithStringKey
{
    /// <summary>The book's summary and a page of its visible reviews, with the viewer's own review and whether they may review.</summary>
    Task<ReviewPage> ListAsync(ReviewListRequest request);

    /// <summary>The book's rating summary over its visible reviews.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<BookRatingSummary> GetSummaryAsync();

    /// <summary>Writes the shopper's review: creates it, or edits the one they wrote. Only a verified buyer may.</summary>
    Task<ReviewWritten> PutAsync(ReviewDraft draft);

    /// <summary>Deletes the shopper's review; false when they had none.</summary>
    Task<bool> DeleteAsync(string userId);

    /// <summary>Counts the shopper's "helpful" vote once (never on their own review); answers the review's count.</summary>
    Task<int> VoteHelpfulAsync(Guid reviewId, string userId);

    /// <summary>Hides a review from the list and the summary, or shows it again (admin).</summary>
    Task<Review> SetHiddenAsync(Guid reviewId, bool hidden);
}

/// <summary>Reviews by id, across books: finds a review's book and forwards to its grain; lists for moderation.</summary>
public interface IReviewDirectoryGrain : IGrainWithIntegerKey
{
    Task<int> VoteHelpfulAsync(Guid reviewId, string userId);

    Task<Review> SetHiddenAsync(Guid reviewId, bool hidden);

    /// <summary>Reviews newest first, only hidden ones or only visible ones when <paramref name="hidden"/> says (admin).</summary>
    Task<ReviewListPage> ListAsync(bool? hidden, int skip, int take);
}
