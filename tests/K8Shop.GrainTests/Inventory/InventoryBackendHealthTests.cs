using K8Shop.Contracts.Storage;

namespace K8Shop.GrainTests.Inventory;

[Collection(ClusterCollection.Name)]
public sealed class InventoryBackendHealthTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Check_InventoryOnMemoryStorage_IsOkAndNamesMemory()
    {
        var health = await cluster.Grains.GetGrain<IBackendHealthGrain>("inventory").CheckAsync();

        Assert.Equal(new BackendHealth(true, "memory"), health);
    }
}
