using K8Shop.Contracts.Events;
using K8Shop.Contracts.Identity;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Recommendations;
using K8Shop.Contracts.Rules;
using K8Shop.GrainTests.Orders;
using static K8Shop.GrainTests.Identity.CallerScope;
using static K8Shop.GrainTests.Recommendations.RecommendationBooks;

namespace K8Shop.GrainTests.Recommendations;

/// <summary>
/// Home shelves on the cluster: windowed popularity fed by order events on the silo's moving clock, recently viewed,
/// and "because you bought" from real orders and review events.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ShelfGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private IPopularityGrain Popularity => Grains.GetGrain<IPopularityGrain>(0);

    private OrderEvent Sale(string name, string orderId, string sku, int qty) =>
        OrderEvent(name, orderId, (sku, qty)) with { OccurredAt = fixture.Clock.GetUtcNow() };

    private async Task<long> RecentUnitsAsync(string sku) =>
        (await Popularity.GetRecentAsync()).Skus.FirstOrDefault(s => s.Sku == sku.ToUpperInvariant())?.Units ?? 0;

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var value = await read();
            if (done(value))
                return value;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"{what} never happened");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task PopularNow_SalesCountOnceCancellationsSubtractAndOldSalesAgeOut()
    {
        var (kept, cancelled) = (await BookAsync(Grains, [NewTag()]), await BookAsync(Grains, [NewTag()]));
        var (keptOrder, cancelledOrder) = ("o-" + Guid.NewGuid(), "o-" + Guid.NewGuid());
        var confirmed = Sale("order.confirmed", keptOrder, kept.Sku, 3);
        var ordersBefore = (await Popularity.GetRecentAsync()).Orders;

        await PublishAsync(fixture.Client, confirmed, keptOrder);
        await PublishAsync(fixture.Client, confirmed, keptOrder);
        await PublishAsync(fixture.Client, Sale("order.confirmed", cancelledOrder, cancelled.Sku, 2), keptOrder);
        // The last event on the stream: once it is counted, so are both deliveries before it.
        await WaitForUnitsAsync(Grains, cancelled.Sku, 2);
        Assert.Equal((3L, 2L), (await RecentUnitsAsync(kept.Sku), await RecentUnitsAsync(cancelled.Sku)));
        Assert.Equal(3, await UnitsAsync(Grains, kept.Sku));
        Assert.Equal(ordersBefore + 2, (await Popularity.GetRecentAsync()).Orders);

        await PublishAsync(fixture.Client, Sale("order.cancelled", cancelledOrder, cancelled.Sku, 2), cancelledOrder);
        await WaitForUnitsAsync(Grains, cancelled.Sku, 0);
        Assert.Equal(0, await RecentUnitsAsync(cancelled.Sku));
        Assert.Equal(ordersBefore + 1, (await Popularity.GetRecentAsync()).Orders);

        // Past the seven-day window: the sale leaves "popular now" and stays in the all-time ranking.
        fixture.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(0, await RecentUnitsAsync(kept.Sku));
        Assert.Equal(3, await UnitsAsync(Grains, kept.Sku));
    }

    [Fact]
    public async Task RecentlyViewed_NewestFirstEachOnceBoundedAndOnlyItsOwnersData()
    {
        var (alice, bob) = (Checkout.NewUser(), Checkout.NewUser());
        var viewed = Grains.GetGrain<IRecentlyViewedGrain>(alice);
        var skus = Enumerable.Range(0, ShopLimits.Recommendations.MaxRecentlyViewed + 5).Select(i => $"V-{i:D3}").ToList();

        await As(alice, async () =>
        {
            foreach (var sku in skus)
                await viewed.RecordAsync(sku);
            await viewed.RecordAsync(skus[10]);
            return true;
        });
        var list = await As(alice, () => viewed.GetAsync());

        Assert.Equal(ShopLimits.Recommendations.MaxRecentlyViewed, list.Length);
        Assert.Equal(skus[10], list[0]);
        Assert.Equal(skus[^1], list[1]);
        Assert.Single(list, skus[10]);
        Assert.DoesNotContain(skus[0], list);
        await As(bob, async () =>
        {
            await Assert.ThrowsAsync<NotOwnerException>(() => viewed.GetAsync());
            await Assert.ThrowsAsync<NotOwnerException>(() => viewed.RecordAsync("V-BOB"));
            return true;
        });
        Assert.DoesNotContain("V-BOB", await As(alice, () => viewed.GetAsync()));
    }

    [Fact]
    public async Task BecauseYouBought_BooksBoughtTogetherRatedHighlyFirst_NeverTheShoppersOwnPurchases()
    {
        var x = await BookAsync(Grains, [NewTag()]);
        var (a, b, d, e, f) = (await BookAsync(Grains, [NewTag()]), await BookAsync(Grains, [NewTag()]),
            await BookAsync(Grains, [NewTag()]), await BookAsync(Grains, [NewTag()]), await BookAsync(Grains, [NewTag()]));
        var (s1, s2, shopper) = (Checkout.NewUser(), Checkout.NewUser(), Checkout.NewUser());
        await PlaceAsync(s1, x.Sku, a.Sku, d.Sku);
        await PlaceAsync(s2, x.Sku, b.Sku, e.Sku, f.Sku);
        await PlaceAsync(shopper, x.Sku, d.Sku);
        await ReviewAsync(s1, a.Sku, 2, ReviewEvent.Created);
        var rating = await ReviewAsync(s2, b.Sku, 5, ReviewEvent.Created);

        var shelf = await EventuallyAsync(() => BecauseYouBoughtAsync(shopper),
            s => s is { } found && found.Items.Length == 4 && found.Items[0].Sku == b.Sku, "a because-you-bought shelf led by the rated book");

        Assert.Equal($"Because you bought {x.Title}", shelf!.Title);
        Assert.Equal(new[] { a.Sku, b.Sku, e.Sku, f.Sku }.Order(), shelf.Items.Select(p => p.Sku).Order());
        Assert.DoesNotContain(shelf.Items, p => p.Sku == x.Sku || p.Sku == d.Sku);

        // GET /recommendations' personalized strategy uses the same ratings; once hidden, the rating counts no more.
        // Its inputs (buyers per book, shoppers' tastes) arrive by events and batched writes, as the shelf's did.
        var personalized = await EventuallyAsync(() => RecommendAsync(Grains, "personalized", 5, userId: shopper),
            r => r.Items.Length > 0 && r.Items[0].Sku == b.Sku, "the rated book to lead the personalized recommendations");
        Assert.Equal(b.Sku, personalized.Items[0].Sku);
        Assert.Equal(1.0, personalized.Items[0].Score);
        await PublishAsync(fixture.Client, rating with { Event = ReviewEvent.Hidden, IsHidden = true, MessageId = Guid.NewGuid().ToString() }, rating.Sku);
        await EventuallyAsync(() => RecommendAsync(Grains, "personalized", 5, userId: shopper),
            r => r.Items[0].Sku != b.Sku, "the hidden review to stop counting");
    }

    [Fact]
    public async Task Shelves_ForAnAnonymousVisitor_HaveNoPersonalShelvesAndNeverRepeatABook()
    {
        var result = await Grains.GetGrain<IRecommendationGrain>(0).GetShelvesAsync(null);

        Assert.NotEmpty(result.Shelves);
        Assert.DoesNotContain(result.Shelves, s => s.Id is ShelfIds.RecentlyViewed or ShelfIds.BecauseYouBought);
        var books = result.Shelves.SelectMany(s => s.Items).Select(p => p.Id).ToList();
        Assert.Equal(books.Count, books.Distinct().Count());
        Assert.All(result.Shelves, s => Assert.True(s.Items[0].Stock > 0 || s.Items.All(p => p.Stock == 0), $"{s.Id} leads with a book out of stock"));
    }

    private async Task PlaceAsync(string user, params string[] skus)
    {
        var order = await Grains.GetGrain<IOrderGrain>(Checkout.NewOrderId()).PlaceAsync(Checkout.Command(user, null, [.. skus.Select(s => (s, 1))]));
        Assert.Equal(OrderStatus.Confirmed, order.Status);
    }

    private async Task<ReviewEvent> ReviewAsync(string user, string sku, int stars, string name)
    {
        var reviewId = Guid.NewGuid();
        var review = new ReviewEvent
        {
            MessageId = Guid.NewGuid().ToString(),
            CorrelationId = sku,
            OccurredAt = fixture.Clock.GetUtcNow(),
            Event = name,
            ReviewId = reviewId,
            Sku = sku,
            UserId = user,
            Rating = stars,
            IsHidden = name == ReviewEvent.Hidden,
        };
        await PublishAsync(fixture.Client, review, sku);
        return review;
    }

    private async Task<Shelf?> BecauseYouBoughtAsync(string user) =>
        (await As(user, () => Grains.GetGrain<IRecommendationGrain>(0).GetShelvesAsync(user))).Shelves.FirstOrDefault(s => s.Id == ShelfIds.BecauseYouBought);
}
