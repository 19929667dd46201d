using System.Collections.Concurrent;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Inventory;

namespace K8Shop.GrainTests.Inventory;

/// <summary>Inventory publishes the original inventory.updated on apply, and inventory.low when a SKU crosses its threshold.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InventoryEventTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Apply_publishes_inventory_updated_or_failed_under_a_stable_message_id()
    {
        var sku = await TestSkus.CreateAsync(cluster.Grains, 3);
        var (ok, failed) = (TestSkus.NewOrder(), TestSkus.NewOrder());
        var okEvents = await SubscribeAsync("inventory", ok);
        var failedEvents = await SubscribeAsync("inventory", failed);
        var apply = cluster.Grains.GetGrain<IInventoryApplyGrain>(0);

        await apply.ApplyAsync(ok, [new StockLine(sku, 2)]);
        await apply.ApplyAsync(failed, [new StockLine(sku, 2)]);

        var updated = Assert.IsType<InventoryUpdatedEvent>(Assert.Single(await WaitForAsync(okEvents, 1)));
        var refused = Assert.IsType<InventoryUpdatedEvent>(Assert.Single(await WaitForAsync(failedEvents, 1)));
        Assert.Equal(("inventory.updated", null, 2), (updated.Status, updated.Reason, updated.Items[0].Qty));
        Assert.Equal(("inventory.failed", "out_of_stock"), (refused.Status, refused.Reason));
        Assert.Equal(IntegrationEvent.StableMessageId(ok, "inventory.updated"), updated.MessageId);
    }

    [Fact]
    public async Task Apply_stamps_its_event_with_the_silos_clock_not_the_wall_clock()
    {
        var sku = await TestSkus.CreateAsync(cluster.Grains, 3);
        var order = TestSkus.NewOrder();
        var events = await SubscribeAsync("inventory", order);
        // A day ahead of the wall clock: an event stamped from DateTimeOffset.UtcNow would fall a day short.
        cluster.Clock.Advance(TimeSpan.FromDays(1));
        var before = cluster.Clock.GetUtcNow();

        await cluster.Grains.GetGrain<IInventoryApplyGrain>(0).ApplyAsync(order, [new StockLine(sku, 1)]);

        var updated = Assert.IsType<InventoryUpdatedEvent>(Assert.Single(await WaitForAsync(events, 1)));
        Assert.InRange(updated.OccurredAt, before, cluster.Clock.GetUtcNow());
    }

    [Fact]
    public async Task An_apply_cut_after_taking_stock_is_finished_by_the_due_work_sweep_and_still_publishes_its_event()
    {
        var (sku, grain) = await TestSkus.CreateGrainAsync(cluster.Grains, 5);
        var order = TestSkus.NewOrder();
        var events = await SubscribeAsync("inventory", order);
        ClusterFixture.OrderStore.FailWrite(order, 2); // the write of the outcome, after the stock was committed

        await Assert.ThrowsAnyAsync<Exception>(() => cluster.Grains.GetGrain<IInventoryApplyGrain>(0).ApplyAsync(order, [new StockLine(sku, 2)]));

        var updated = Assert.IsType<InventoryUpdatedEvent>(Assert.Single(await WaitForAsync(events, 1, settle: true)));
        Assert.Equal("inventory.updated", updated.Status);
        Assert.Equal((3, 0, 2L, 3), TestSkus.Counters(await grain.GetAsync()));
        var again = await cluster.Grains.GetGrain<IInventoryApplyGrain>(0).ApplyAsync(order, [new StockLine(sku, 2)]);
        Assert.True(again.Applied);
        Assert.Equal((3, 0, 2L, 3), TestSkus.Counters(await grain.GetAsync()));
    }

    [Fact]
    public async Task Falling_to_the_threshold_publishes_inventory_low_once_per_crossing()
    {
        var (sku, grain) = await TestSkus.CreateGrainAsync(cluster.Grains, 10);
        await grain.SetStockAsync(10, lowStockThreshold: 3);
        var events = await SubscribeAsync("inventory", sku);

        await grain.ReserveAsync(TestSkus.NewOrder(), 5, TestSkus.Ttl);
        await grain.ReserveAsync(TestSkus.NewOrder(), 2, TestSkus.Ttl);
        await grain.ReserveAsync(TestSkus.NewOrder(), 1, TestSkus.Ttl);

        var low = Assert.IsType<InventoryLowEvent>(Assert.Single(await WaitForAsync(events, 1, settle: true)));
        Assert.Equal((sku, 3, 3), (low.Sku, low.Threshold, low.Current));
    }

    private Task<ConcurrentQueue<IntegrationEvent>> SubscribeAsync(string ns, string key) => EventRecorder.SubscribeAsync(cluster.Client, ns, key);

    private static Task<IntegrationEvent[]> WaitForAsync(ConcurrentQueue<IntegrationEvent> received, int count, bool settle = false) =>
        EventRecorder.WaitForAsync(received, count, settle);
}
