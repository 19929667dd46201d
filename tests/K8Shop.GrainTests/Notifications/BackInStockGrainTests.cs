using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Notifications;
using K8Shop.GrainTests.Inventory;

namespace K8Shop.GrainTests.Notifications;

[Collection(ClusterCollection.Name)]
public sealed class BackInStockGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Check_WhenStockComesBackFromZero_EmailsEachWaitingShopperOnce()
    {
        var (sku, inventory) = await TestSkus.CreateGrainAsync(cluster.Grains, stock: 0);
        var (ana, bob) = ($"ana-{Guid.NewGuid():N}", $"bob-{Guid.NewGuid():N}");
        var grain = cluster.Grains.GetGrain<IBackInStockGrain>(sku);
        await grain.SubscribeAsync(ana);
        await grain.SubscribeAsync(bob);
        await grain.SubscribeAsync(ana);

        var whileOut = await grain.CheckAsync();
        await inventory.RestockAsync(3);
        var notified = await grain.CheckAsync();
        var again = await grain.CheckAsync();

        Assert.Equal((0, 2, 0), (whileOut, notified, again));
        var email = Assert.Single(ClusterFixture.Mail.EmailsTo(ana));
        Assert.Equal("back_in_stock", email.Template);
        Assert.Contains(sku, email.Subject, StringComparison.Ordinal);
        Assert.Single(ClusterFixture.Mail.EmailsTo(bob));
        Assert.Equal(sku, Assert.Single((await cluster.Grains.GetGrain<INotificationGrain>(ana).ListAsync(0, 5)).Entries).Sku);
    }

    [Fact]
    public async Task Check_WhileInStock_DoesNotNotify_UntilItRunsOutAndReturns()
    {
        var (sku, inventory) = await TestSkus.CreateGrainAsync(cluster.Grains, stock: 2);
        var user = $"cy-{Guid.NewGuid():N}";
        var grain = cluster.Grains.GetGrain<IBackInStockGrain>(sku);
        await grain.SubscribeAsync(user);

        var inStock = await grain.CheckAsync();
        await inventory.SetStockAsync(0);
        var soldOut = await grain.CheckAsync();
        await inventory.SetStockAsync(1);
        var back = await grain.CheckAsync();

        Assert.Equal((0, 0, 1), (inStock, soldOut, back));
        Assert.Single(ClusterFixture.Mail.EmailsTo(user));
    }

    [Fact]
    public async Task Subscribe_UnknownSku_IsRefused()
    {
        await Assert.ThrowsAsync<InventoryRuleException>(() =>
            cluster.Grains.GetGrain<IBackInStockGrain>($"NOPE-{Guid.NewGuid():N}"[..16].ToUpperInvariant()).SubscribeAsync("ana"));
    }
}
