using System.Collections.Immutable;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Reviews;
using K8Shop.Grains.Catalog;

namespace K8Shop.Grains.Reviews;

/// <summary>
/// Reviews in memory (embedded mode): one lock makes each change atomic, as PostgreSQL's transaction does, and the same
/// uniqueness rules hold (one review per shopper and book, one vote per shopper and review). Each change also sets the
/// book's summary in <see cref="BookRatings"/>, where the catalog's search reads it.
/// </summary>
public sealed class InMemoryReviewStore(BookRatings ratings) : IReviewStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Review> _reviews = [];
    private readonly HashSet<HelpfulVote> _votes = [];
    private readonly List<ReviewEvent> _outbox = [];

    public string Backend => "memory";

    public Task<BookReviewsSnapshot> LoadAsync(string sku, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var reviews = _reviews.Values.Where(r => SameSku(r.Sku, sku)).ToImmutableArray();
            var ids = reviews.Select(r => r.Id).ToHashSet();
            return Task.FromResult(new BookReviewsSnapshot(
                reviews,
                [.. _votes.Where(v => ids.Contains(v.ReviewId))],
                [.. _outbox.Where(e => SameSku(e.Sku, sku))]));
        }
    }

    public Task SaveAsync(ReviewChange change, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Check(change);
            if (change.Delete is { } deleted)
            {
                _reviews.Remove(deleted);
                _votes.RemoveWhere(v => v.ReviewId == deleted);
            }
            if (change.Upsert is { } review)
                _reviews[review.Id] = review;
            if (change.Vote is { } vote)
                _votes.Add(vote);
            _outbox.AddRange(change.EventsOrEmpty);
            ratings.Set(change.Summary);
        }
        return Task.CompletedTask;
    }

    /// <summary>The rules PostgreSQL's constraints enforce, checked before anything changes.</summary>
    private void Check(ReviewChange change)
    {
        if (change.Upsert is { } review
            && _reviews.Values.Any(r => r.Id != review.Id && r.Id != change.Delete && SameSku(r.Sku, review.Sku) && r.UserId == review.UserId))
            throw new InvalidOperationException($"shopper already has a review of {review.Sku} (unique sku, user_id)");
        if (change.Vote is { } vote && (_votes.Contains(vote) || !_reviews.ContainsKey(vote.ReviewId) && change.Upsert?.Id != vote.ReviewId))
            throw new InvalidOperationException("a vote must be new and name a stored review (unique review_id, user_id)");
        if (change.EventsOrEmpty.Any(e => _outbox.Any(o => o.MessageId == e.MessageId)))
            throw new InvalidOperationException("an event with this message id is already waiting");
    }

    public Task ForgetEventsAsync(string sku, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            _outbox.RemoveAll(e => messageIds.Contains(e.MessageId));
        return Task.CompletedTask;
    }

    public Task<string?> FindSkuAsync(Guid reviewId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return Task.FromResult(_reviews.TryGetValue(reviewId, out var review) ? review.Sku : null);
    }

    public Task<ReviewListPage> ListAsync(bool? hidden, int skip, int take, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var matching = _reviews.Values.Where(r => hidden is null || r.Hidden == hidden).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToList();
            return Task.FromResult(new ReviewListPage([.. matching.Skip(skip).Take(take)], matching.Count));
        }
    }

    private static bool SameSku(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
