using K8Shop.Faults.Hosting;
using K8Shop.Grains.Catalog;
using K8Shop.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace K8Shop.IntegrationTests.Cart;

/// <summary>An in-process silo wired as the cluster profile wires carts: the real Redis grain storage and expiry.</summary>
public static class RedisCartCluster
{
    public static async Task<InProcessTestCluster> StartAsync(string redisConnectionString, string serviceId, TimeSpan? idleExpiry = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redisConnectionString,
            ["Cart:IdleExpiry"] = (idleExpiry ?? TimeSpan.FromDays(30)).ToString("c"),
        }).Build();
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) => silo.AddK8ShopCarts(configuration).AddRedisCartStorage(configuration));
        // Grains ask the fault switches (all off here), as every silo has them.
        builder.ConfigureSiloHost((_, host) => host.Services.AddInMemoryCatalog().AddK8ShopFaultSwitches(configuration));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
