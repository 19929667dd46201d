using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Identity;
using K8Shop.Contracts.Reviews;
using K8Shop.Grains.Durability;
using Microsoft.Extensions.Logging;

namespace K8Shop.Grains.Reviews;

/// <summary>
/// The reviews of one book (key: its canonical SKU). Not reentrant: changes happen one at a time, each computed from
/// the reviews as stored and stored with the summary it leads to, so the summary is always the one its reviews give.
/// The store is the truth: an activation reads the book's reviews and rebuilds the summary from them, and memory changes
/// only after the store confirmed a write (a failed write deactivates, so the next call reads again).
/// </summary>
[CollectionAgeLimit(Minutes = GrainLifetimes.ShortLivedIdleMinutes)]
public sealed partial class BookReviewsGrain(IReviewStore store, TimeProvider clock, ILogger<BookReviewsGrain> logger) : Grain, IBookReviewsGrain
{
    private Dictionary<Guid, Review> _reviews = [];
    private HashSet<HelpfulVote> _votes = [];
    private ImmutableArray<IntegrationEvent> _outbox = [];
    private BookRatingSummary _summary = null!;
    private readonly HashSet<string> _buyers = new(StringComparer.Ordinal);
    private AfterThisCall? _publishing;

    private string Sku => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(Sku, cancellationToken);
        _reviews = stored.Reviews.ToDictionary(r => r.Id);
        _votes = [.. stored.Votes];
        _outbox = [.. stored.PendingEvents];
        _summary = RatingSummaries.Of(Sku, _reviews.Values);
        // Events a crash or an outage left behind are published again, under their stored message ids.
        this.RegisterGrainTimer(() => _outbox.IsEmpty ? Task.CompletedTask : PublishOutboxAsync(), TimeSpan.Zero, RetryPublishEvery);
    }

    /// <summary>How often events the broker refused are tried again while the book is active.</summary>
    public static readonly TimeSpan RetryPublishEvery = TimeSpan.FromSeconds(5);

    public Task<BookRatingSummary> GetSummaryAsync() => Task.FromResult(_summary);

    public async Task<ReviewPage> ListAsync(ReviewListRequest request)
    {
        var visible = _reviews.Values.Where(r => !r.Hidden);
        var ordered = request.Sort == ReviewSort.Helpful
            ? visible.OrderByDescending(r => r.Helpful).ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            : visible.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id);
        var all = ordered.ToList();
        Review? mine = null;
        var canReview = false;
        if (request.Viewer is { Length: > 0 } viewer && Caller.MayActFor(viewer))
        {
            mine = _reviews.Values.FirstOrDefault(r => r.UserId == viewer);
            canReview = await BoughtAsync(viewer);
        }
        return new ReviewPage(_summary, [.. all.Skip(Math.Max(0, request.Skip)).Take(Math.Max(0, request.Take))], all.Count, mine, canReview);
    }

    private async Task<bool> BoughtAsync(string userId)
    {
        if (_buyers.Contains(userId))
            return true;
        if (!await VerifiedPurchase.BoughtAsync(GrainFactory, userId, Sku))
            return false;
        // A purchase once seen stays seen while the book is active.
        _buyers.Add(userId);
        return true;
    }

    /// <summary>
    /// Stores the change with the summary its reviews give, then applies it here; a store failure leaves memory as it
    /// was and deactivates (write-or-reload: <see cref="DurableWrites.StoreOrReloadAsync"/>).
    /// </summary>
    private async Task CommitAsync(Review? upsert, Guid? delete, HelpfulVote? vote, ImmutableArray<ReviewEvent> events)
    {
        var next = new Dictionary<Guid, Review>(_reviews);
        if (delete is { } deleted)
            next.Remove(deleted);
        if (upsert is not null)
            next[upsert.Id] = upsert;
        var summary = RatingSummaries.Of(Sku, next.Values);
        await this.StoreOrReloadAsync(() => store.SaveAsync(new ReviewChange(Sku, summary, upsert, delete, vote, events)));
        _reviews = next;
        _summary = summary;
        if (delete is { } gone)
            _votes.RemoveWhere(v => v.ReviewId == gone);
        if (vote is not null)
            _votes.Add(vote);
        if (!events.IsEmpty)
        {
            _outbox = _outbox.AddRange(events);
            (_publishing ??= new AfterThisCall(this, PublishOutboxAsync)).Schedule();
        }
    }

    /// <summary>Publishes the outbox; what the broker confirmed leaves the store, the rest waits for the timer.</summary>
    private async Task PublishOutboxAsync()
    {
        var sent = _outbox;
        var (left, failure) = await EventOutbox.PublishAsync(this.GetStreamProvider(EventStreams.ProviderName), sent);
        var published = sent[..(sent.Length - left.Length)];
        _outbox = [.. _outbox.Where(e => !published.Contains(e))];
        if (failure is not null)
            LogUnpublished(failure, Sku, left.Length);
        if (published.IsEmpty)
            return;
        try
        {
            await store.ForgetEventsAsync(Sku, [.. published.Select(e => e.MessageId)]);
        }
        catch (Exception ex)
        {
            // They stay stored and are published again by a later activation, under the same message ids.
            LogForgetFailed(ex, Sku);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reviews of {Sku}: {Count} events not published yet; retrying")]
    private partial void LogUnpublished(Exception exception, string sku, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reviews of {Sku}: published events could not be removed from the store; they will be published again")]
    private partial void LogForgetFailed(Exception exception, string sku);
}
