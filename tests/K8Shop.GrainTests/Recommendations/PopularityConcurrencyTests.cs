using System.Collections.Immutable;
using K8Shop.Contracts.Recommendations;

namespace K8Shop.GrainTests.Recommendations;

/// <summary>The sales ranking takes events while its last write is still being serialized (it is reentrant).</summary>
[Collection(ClusterCollection.Name)]
public sealed class PopularityConcurrencyTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Sales_arriving_while_the_ranking_is_being_stored_are_all_counted_and_every_call_succeeds()
    {
        var sku = $"POP-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        var ranking = cluster.Grains.GetGrain<IPopularityGrain>(0);

        // Events keep arriving, in small waves, while writes are in flight. Before, they changed the state the store
        // was serializing, and writes failed ("Collection was modified" on PostgreSQL).
        var calls = new List<Task<bool>>();
        for (var i = 0; i < 300; i++)
        {
            calls.Add(ranking.RecordAsync(new SalesRecord($"pop-{sku}-{i}", $"order-{sku}-{i}", false, ImmutableArray.Create(new SaleLine(sku, 1)))));
            if (i % 10 == 9)
                await Task.Delay(2);
        }
        var results = await Task.WhenAll(calls);

        Assert.All(results, Assert.True);
        var units = (await ranking.GetRankingAsync()).Skus.Single(s => s.Sku == sku).Units;
        Assert.Equal(300, units);
    }

    [Fact]
    public async Task Sales_arriving_within_the_write_interval_share_writes_and_each_is_counted_once_stored()
    {
        var sku = $"POP-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        var ranking = cluster.Grains.GetGrain<IPopularityGrain>(0);
        await ranking.RecordAsync(new SalesRecord($"pop-{sku}-first", $"order-{sku}-first", false, ImmutableArray.Create(new SaleLine(sku, 1))));
        var writesBefore = ClusterFixture.RecommendationStore.Writes("0");

        // 20 sales 10 ms apart: unpaced, each would find the last write done and get one of its own.
        var calls = new List<Task<bool>>();
        for (var i = 0; i < 20; i++)
        {
            calls.Add(ranking.RecordAsync(new SalesRecord($"pop-{sku}-{i}", $"order-{sku}-{i}", false, ImmutableArray.Create(new SaleLine(sku, 1)))));
            await Task.Delay(10);
        }
        var results = await Task.WhenAll(calls);

        Assert.All(results, Assert.True);
        var writes = ClusterFixture.RecommendationStore.Writes("0") - writesBefore;
        Assert.InRange(writes, 1, 5);
        Assert.Equal(21, (await ranking.GetRankingAsync()).Skus.Single(s => s.Sku == sku).Units);
    }
}
