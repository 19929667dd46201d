using K8Shop.Contracts.Storage;

namespace K8Shop.GrainTests.Cart;

[Collection(ClusterCollection.Name)]
public sealed class BackendHealthGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Check_CartOnMemoryStorage_IsOkAndNamesMemory()
    {
        var health = await cluster.Grains.GetGrain<IBackendHealthGrain>("cart").CheckAsync();

        Assert.Equal(new BackendHealth(true, "memory"), health);
    }

    [Fact]
    public async Task Check_KindWithoutAProbe_IsNotOkAndNamesNone()
    {
        var health = await cluster.Grains.GetGrain<IBackendHealthGrain>("no-such-kind").CheckAsync();

        Assert.Equal((false, "none"), (health.Ok, health.Backend));
        Assert.NotNull(health.Error);
    }
}
