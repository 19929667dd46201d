using K8Shop.Grains.Reviews;
using K8Shop.GrainTests.Identity;
using static K8Shop.GrainTests.Reviews.ReviewBooks;

namespace K8Shop.GrainTests.Reviews;

/// <summary>Many shoppers rating one book at once: the summary is exactly the one the stored reviews give.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReviewConcurrencyTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Concurrent_ratings_edits_and_deletes_leave_the_summary_equal_to_the_stored_reviews()
    {
        var grains = cluster.Grains;
        var sku = await NewAsync(grains);
        var buyers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => BuyerAsync(grains, sku)));

        // Each shopper rates at once; every third edits right away, every fifth deletes after rating.
        await Task.WhenAll(buyers.Select((user, i) => CallerScope.As(user, async () =>
        {
            await grains.Book(sku).PutAsync(Draft(user, 1 + i % 5));
            if (i % 3 == 0)
                await grains.Book(sku).PutAsync(Draft(user, 5 - i % 5));
            if (i % 5 == 0)
                await grains.Book(sku).DeleteAsync(user);
            return true;
        })));

        var summary = await grains.Book(sku).GetSummaryAsync();
        var stored = await ClusterFixture.Reviews.LoadAsync(sku);
        var expected = buyers.Select((_, i) => (i, rating: i % 3 == 0 ? 5 - i % 5 : 1 + i % 5)).Where(x => x.i % 5 != 0).ToList();

        Assert.True(summary.SameAs(RatingSummaries.Of(sku, stored.Reviews)), $"grain {summary} differs from the store's reviews");
        Assert.Equal((expected.Count, expected.Sum(x => x.rating)), (summary.Count, summary.Sum));
        Assert.Equal(Enumerable.Range(1, 5).Select(star => expected.Count(x => x.rating == star)), summary.Stars.AsEnumerable());
        Assert.True(summary.SameAs(ClusterFixture.Ratings.Get(sku)!), "the catalog's copy differs");
    }
}
