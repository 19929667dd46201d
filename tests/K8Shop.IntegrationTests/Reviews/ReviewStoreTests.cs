using K8Shop.Contracts.Events;
using K8Shop.Contracts.Reviews;
using K8Shop.Grains.Reviews;
using K8Shop.IntegrationTests.Catalog;
using K8Shop.TestSupport;
using Npgsql;

namespace K8Shop.IntegrationTests.Reviews;

/// <summary>The review store's contract, run against memory and real PostgreSQL alike: each change whole or not at all.</summary>
[Collection(CatalogDatabaseCollection.Name)]
public sealed class ReviewStoreTests(MigratedCatalogDatabase database)
{
    private readonly ReviewStores _stores = new(database);

    public static TheoryData<string> Stores => ReviewStores.Names;

    [PostgresFact]
    public void PostgresStore_IsReachable_SoItsCasesRun() => Assert.Contains(ReviewStores.Postgres, ReviewStores.StoreNames);

    [Theory, MemberData(nameof(Stores))]
    public async Task Save_ThenLoad_ReturnsTheReviewVotesAndPendingEventsOfThatBookOnly(string name)
    {
        var store = _stores.Get(name);
        var (sku, other) = (NewSku(), NewSku());
        var review = NewReview(sku, "ana", 4);
        await store.SaveAsync(Change(review, events: [Event(review, ReviewEvent.Created)]));
        await store.SaveAsync(Change(NewReview(other, "ana", 2)));
        var voted = review with { Helpful = 1 };
        await store.SaveAsync(new ReviewChange(sku, RatingSummaries.Of(sku, [voted]), voted, Vote: new HelpfulVote(review.Id, "ben")));

        var loaded = await store.LoadAsync(sku);

        Assert.Equal(voted, Assert.Single(loaded.Reviews));
        Assert.Equal(new HelpfulVote(review.Id, "ben"), Assert.Single(loaded.Votes));
        var pending = Assert.Single(loaded.PendingEvents);
        Assert.Equal((ReviewEvent.Created, review.Id, 4, sku), (pending.Event, pending.ReviewId, pending.Rating, pending.CorrelationId));
        Assert.Equal(sku, await store.FindSkuAsync(review.Id));
        Assert.Null(await store.FindSkuAsync(Guid.NewGuid()));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_second_review_by_the_same_shopper_fails_and_changes_nothing_not_even_the_summary(string name)
    {
        var store = _stores.Get(name);
        var sku = NewSku();
        var first = NewReview(sku, "ana", 5);
        await store.SaveAsync(Change(first));
        var second = NewReview(sku, "ana", 1);

        await Assert.ThrowsAnyAsync<Exception>(() => store.SaveAsync(Change(second, [first, second], [Event(second, ReviewEvent.Created)])));

        var loaded = await store.LoadAsync(sku);
        Assert.Equal(first, Assert.Single(loaded.Reviews));
        Assert.Empty(loaded.PendingEvents);
        if (name == ReviewStores.Postgres)
            Assert.Equal((1, 5), await StoredSummaryAsync(sku));
        else
            Assert.Equal(5, _stores.MemoryRatings.Get(sku)?.Sum);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_vote_is_counted_once_per_shopper_and_review(string name)
    {
        var store = _stores.Get(name);
        var sku = NewSku();
        var review = NewReview(sku, "ana", 3);
        await store.SaveAsync(Change(review));
        await store.SaveAsync(new ReviewChange(sku, RatingSummaries.Of(sku, [review]), review with { Helpful = 1 }, Vote: new HelpfulVote(review.Id, "ben")));

        await Assert.ThrowsAnyAsync<Exception>(() =>
            store.SaveAsync(new ReviewChange(sku, RatingSummaries.Of(sku, [review]), review with { Helpful = 2 }, Vote: new HelpfulVote(review.Id, "ben"))));

        var loaded = await store.LoadAsync(sku);
        Assert.Equal(1, Assert.Single(loaded.Reviews).Helpful);
        Assert.Single(loaded.Votes);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Delete_removes_the_review_with_its_votes_and_writes_the_summary(string name)
    {
        var store = _stores.Get(name);
        var sku = NewSku();
        var (a, b) = (NewReview(sku, "ana", 1), NewReview(sku, "ben", 4));
        await store.SaveAsync(Change(a));
        await store.SaveAsync(Change(b, [a, b]));
        await store.SaveAsync(new ReviewChange(sku, RatingSummaries.Of(sku, [a, b]), a with { Helpful = 1 }, Vote: new HelpfulVote(a.Id, "ben")));

        await store.SaveAsync(new ReviewChange(sku, RatingSummaries.Of(sku, [b]), Delete: a.Id));

        var loaded = await store.LoadAsync(sku);
        Assert.Equal(b, Assert.Single(loaded.Reviews));
        Assert.Empty(loaded.Votes);
        if (name == ReviewStores.Postgres)
            Assert.Equal((1, 4), await StoredSummaryAsync(sku));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Forgotten_events_are_gone_and_the_others_stay(string name)
    {
        var store = _stores.Get(name);
        var sku = NewSku();
        var review = NewReview(sku, "ana", 2);
        var (created, hidden) = (Event(review, ReviewEvent.Created), Event(review, ReviewEvent.Hidden));
        await store.SaveAsync(Change(review, events: [created, hidden]));

        await store.ForgetEventsAsync(sku, [created.MessageId]);

        Assert.Equal(hidden.MessageId, Assert.Single((await store.LoadAsync(sku)).PendingEvents).MessageId);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task The_moderation_list_filters_by_hidden_newest_first(string name)
    {
        var store = _stores.Get(name);
        var sku = NewSku();
        var older = NewReview(sku, "ana", 1, DateTimeOffset.UtcNow.AddYears(50)) with { Hidden = true };
        var newer = NewReview(sku, "ben", 2, DateTimeOffset.UtcNow.AddYears(51)) with { Hidden = true };
        await store.SaveAsync(Change(older));
        await store.SaveAsync(Change(newer, [older, newer]));

        var hidden = await store.ListAsync(true, 0, 2);
        var visible = await store.ListAsync(false, 0, 50);

        Assert.Equal([newer.Id, older.Id], hidden.Items.Select(r => r.Id));
        Assert.True(hidden.Total >= 2);
        Assert.DoesNotContain(visible.Items, r => r.Sku == sku);
    }

    private async Task<(int Count, int Sum)> StoredSummaryAsync(string sku)
    {
        await using var command = database.DataSource.CreateCommand("SELECT rating_count, rating_sum FROM catalog.book_ratings WHERE sku = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = sku });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no summary row");
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    private static string NewSku() => $"RV-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    private static Review NewReview(string sku, string user, int rating, DateTimeOffset? at = null)
    {
        var time = at ?? DateTimeOffset.UtcNow;
        time = time.AddTicks(-(time.Ticks % 10));
        return new Review(Guid.NewGuid(), sku, user, "Reader " + user, rating, "Some plain text here.", time, time, false, 0);
    }

    private static ReviewChange Change(Review review, Review[]? all = null, ReviewEvent[]? events = null) =>
        new(review.Sku, RatingSummaries.Of(review.Sku, all ?? [review]), review, Events: [.. events ?? []]);

    private static ReviewEvent Event(Review review, string name) => new()
    {
        MessageId = IntegrationEvent.StableMessageId($"{review.Id}", name),
        CorrelationId = review.Sku,
        OccurredAt = review.UpdatedAt,
        Event = name,
        ReviewId = review.Id,
        Sku = review.Sku,
        UserId = review.UserId,
        Rating = review.Rating,
        IsHidden = name == ReviewEvent.Hidden,
    };
}
