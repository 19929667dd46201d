using System.Collections.Concurrent;
using K8Shop.Contracts.Inventory;
using K8Shop.Faults.Hosting;
using K8Shop.Grains.Catalog;
using K8Shop.Silo.Hosting;
using K8Shop.TestSupport;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace K8Shop.IntegrationTests.Inventory;

/// <summary>Inventory grains on the real DynamoDB API (dynalite): durability of acknowledged reservations.</summary>
public sealed class DynamoDBInventoryTests
{
    [DynamoDBFact]
    public async Task Reservations_SiloKilledInTheMiddleOfLoad_NoAcknowledgedReservationIsLost()
    {
        var (serviceId, table) = ($"inv-{Guid.NewGuid():N}"[..16], $"k8shop-test-{Guid.NewGuid():N}");
        var acknowledged = new ConcurrentDictionary<string, int>();
        var sku = "BOOK-010";

        var first = await StartAsync(serviceId, table);
        await first.Client.GetGrain<IInventorySkuGrain>(sku).SetStockAsync(1_000_000);
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 16).Select(client => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var orderId = $"order-{client}-{i}";
                try
                {
                    var result = await first.Client.GetGrain<IInventorySkuGrain>(sku).ReserveAsync(orderId, i % 3 + 1, TimeSpan.FromHours(1));
                    if (result.Status == ReservationStatus.Reserved)
                        acknowledged[orderId] = result.Quantity;
                }
                catch (Exception)
                {
                    return; // the silo is gone: nothing answered, nothing acknowledged
                }
            }
        })).ToList();
        await WaitUntilAsync(() => acknowledged.Count >= 300);
        await first.Silos[0].StopSiloAsync(stopGracefully: false);
        stop.Cancel();
        await Task.WhenAll(clients);
        await first.DisposeAsync();

        await using var second = await StartAsync(serviceId, table);
        var grain = second.Client.GetGrain<IInventorySkuGrain>(sku);
        var before = await grain.GetAsync();
        foreach (var (orderId, quantity) in acknowledged)
        {
            var again = await grain.ReserveAsync(orderId, quantity, TimeSpan.FromHours(1));
            Assert.True(again.Status == ReservationStatus.Reserved && again.Quantity == quantity, $"acknowledged reservation {orderId} was lost");
        }
        var after = await grain.GetAsync();

        Assert.True(acknowledged.Count >= 300);
        Assert.Equal(before.Reserved, after.Reserved);
        Assert.True(after.Reserved >= acknowledged.Values.Sum());
        Assert.Equal(1_000_000, after.OnHand);
    }

    private static async Task<InProcessTestCluster> StartAsync(string serviceId, string table)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DynamoDB:ServiceUrl"] = TestServices.DynamoDBServiceUrl,
            ["DynamoDB:TableName"] = table,
            ["DynamoDB:CreateTable"] = "true",
        }).Build();
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) => silo.AddK8ShopInventory(configuration).AddDynamoDBInventoryStorage(configuration));
        // Grains ask the fault switches (all off here), as every silo has them.
        builder.ConfigureSiloHost((_, host) => host.Services.AddInMemoryCatalog().AddK8ShopFaultSwitches(configuration));
        // Calls caught in flight by the kill fail after this, instead of the 30 s default.
        builder.ConfigureClient(client => client.Configure<Orleans.Configuration.ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(3)));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(20);
    }
}
