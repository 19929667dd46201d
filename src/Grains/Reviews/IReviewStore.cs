using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Reviews;

namespace K8Shop.Grains.Reviews;

/// <summary>
/// Where reviews live: PostgreSQL in the cluster profile (tables <c>catalog.reviews</c>, <c>catalog.review_helpful_votes</c>,
/// <c>catalog.book_ratings</c>, <c>catalog.review_outbox</c>), memory in embedded mode. Each <see cref="SaveAsync"/> is
/// one atomic change: the review, a vote, the book's summary and the events it causes are stored together or not at all.
/// A store that cannot be reached throws <see cref="K8Shop.Contracts.Storage.StorageUnavailableException"/>.
/// </summary>
public interface IReviewStore
{
    /// <summary>The name health reports and logs give this store ("postgres", "memory").</summary>
    string Backend { get; }

    /// <summary>Everything stored for one book: its reviews (hidden ones too), their helpful votes and events not yet published.</summary>
    Task<BookReviewsSnapshot> LoadAsync(string sku, CancellationToken cancellationToken = default);

    /// <summary>Stores one change of one book atomically.</summary>
    Task SaveAsync(ReviewChange change, CancellationToken cancellationToken = default);

    /// <summary>Forgets events the broker confirmed.</summary>
    Task ForgetEventsAsync(string sku, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken = default);

    /// <summary>The SKU of the book a review is about; null when no review has the id.</summary>
    Task<string?> FindSkuAsync(Guid reviewId, CancellationToken cancellationToken = default);

    /// <summary>Reviews of every book, newest first; only hidden or only visible ones when <paramref name="hidden"/> says.</summary>
    Task<ReviewListPage> ListAsync(bool? hidden, int skip, int take, CancellationToken cancellationToken = default);
}

[GenerateSerializer, Immutable, Alias("k8shop.reviews.HelpfulVote")]
public sealed record HelpfulVote([property: Id(0)] Guid ReviewId, [property: Id(1)] string UserId);

/// <summary>One book as stored.</summary>
public sealed record BookReviewsSnapshot(
    ImmutableArray<Review> Reviews,
    ImmutableArray<HelpfulVote> Votes,
    ImmutableArray<ReviewEvent> PendingEvents);

/// <summary>
/// One change to one book: a review written (<see cref="Upsert"/>) or removed (<see cref="Delete"/>), a helpful vote,
/// the book's summary after it, and the events it publishes.
/// </summary>
public sealed record ReviewChange(
    string Sku,
    BookRatingSummary Summary,
    Review? Upsert = null,
    Guid? Delete = null,
    HelpfulVote? Vote = null,
    ImmutableArray<ReviewEvent> Events = default)
{
    public ImmutableArray<ReviewEvent> EventsOrEmpty => Events.IsDefault ? [] : Events;
}
