using K8Shop.Grains.Cart;
using K8Shop.Grains.Catalog;
using K8Shop.Grains.Faults;
using K8Shop.Grains.Inventory;
using K8Shop.Grains.Notifications;
using K8Shop.Grains.Orders;
using K8Shop.Grains.Orders.Table;
using Orleans.Storage;
using K8Shop.Grains.Payments;
using K8Shop.Grains.Recommendations;
using K8Shop.Grains.Storage;
using K8Shop.GrainTests.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace K8Shop.GrainTests;

/// <summary>What the two-silo fixtures' silos share: the shop's services and memory stores, as a deployed silo has them.</summary>
internal static class TwoSiloWiring
{
    /// <summary>One catalog for both silos, as PostgreSQL would be; unpaced inventory; no recommendation caching; recorded mail.</summary>
    public static void AddShopServices(IServiceCollection services, ICatalogStore catalog, RecordingSenders mail)
    {
        services.AddSingleton(catalog);
        services.AddCatalogPriceCache();
        services.AddKeyedSingleton<IBackendProbe, MemoryBackendProbe>("cart");
        services.AddKeyedSingleton<IBackendProbe, MemoryBackendProbe>("inventory");
        services.AddOptions<InventoryOptions>().Configure(o => o.MaxWritesPerSecond = 0);
        services.AddOptions<RecommendationOptions>().Configure(o => o.CacheTtl = TimeSpan.Zero);
        services.AddSingleton<RecommendationCaches>();
        services.AddSingleton<IEmailSender>(mail);
        services.AddSingleton<ISmsSender>(mail);
    }

    /// <summary>
    /// Memory stores, the ownership filter, memory streams and reminders. Orders, payments, recommendations, faults and
    /// inventory in Orleans' format, as the real stores: a grain deactivated mid-saga reads its state back.
    /// </summary>
    public static void AddShopStores(ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorageAsDefault();
        silo.AddIncomingGrainCallFilter<K8Shop.Grains.Identity.ShopperOwnershipFilter>();
        silo.AddMemoryGrainStorage(CartStorage.Name);
        silo.AddMemoryGrainStorage(NotificationStorage.Name);
        foreach (var name in new[] { OrderStorage.Name, PaymentStorage.Name, RecommendationStorage.Name, FaultStorage.Name, InventoryStorage.Name })
        {
            silo.AddMemoryGrainStorage(name, options => options.Configure<Orleans.Serialization.Serializer>(
                (o, serializer) => o.GrainStorageSerializer = new Orleans.Storage.OrleansGrainStorageSerializer(serializer)));
        }
        AddOrderTable(silo);
        silo.AddMemoryGrainStorage("PubSubStore");
        AddShopEvents(silo);
        silo.UseInMemoryReminderService();
    }

    /// <summary>
    /// The order table of every silo of the test clusters: one memory table shared by all of them, as the real one is
    /// shared through PostgreSQL, so an order written on one silo is read and listed on another. Its serializer is its
    /// own (no silo's, which is disposed with its cluster while the table lives on).
    /// </summary>
    public static IOrderTable SharedOrderTable { get; } = new MemoryOrderTable(new ServiceCollection()
        .AddSerializer(serializer => serializer.AddAssembly(typeof(OrderState).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Orleans.Serialization.Serializer<OrderState>>());

    /// <summary>The order grain's storage over the shared order table (<paramref name="around"/> may wrap it, e.g. to fail planned writes).</summary>
    public static void AddOrderTable(ISiloBuilder silo, Func<IServiceProvider, IGrainStorage, IGrainStorage>? around = null)
    {
        silo.Services.AddSingleton(SharedOrderTable);
        silo.Services.AddKeyedSingleton<IGrainStorage>(OrderStorage.Table, (services, _) =>
        {
            var table = new OrderTableGrainStorage(services.GetRequiredService<IOrderTable>());
            return around is null ? table : around(services, table);
        });
    }

    /// <summary>The embedded profile's events: memory streams that route to notification's queue namespace by its binding keys.</summary>
    public static ISiloBuilder AddShopEvents(ISiloBuilder silo) =>
        silo.AddMemoryStreamsWithBoundQueues(ClusterFixture.StreamProvider, [NotificationQueue], RoutingKeyOf);

    /// <summary>A client publishing as the silos do (routed to notification's namespace too).</summary>
    public static IClientBuilder AddShopEvents(IClientBuilder client) =>
        client.AddMemoryStreamsWithBoundQueues(ClusterFixture.StreamProvider, [NotificationQueue], RoutingKeyOf);

    private static Orleans.Streaming.RabbitMQ.RabbitMQBoundQueueOptions NotificationQueue => new()
    {
        Name = K8Shop.Grains.Notifications.NotificationRouting.QueueName,
        StreamNamespace = K8Shop.Grains.Notifications.NotificationRouting.StreamNamespace,
        BindingKeys = [.. K8Shop.Grains.Notifications.NotificationRouting.RoutingKeys],
    };

    private static string RoutingKeyOf(object @event, StreamId stream) =>
        @event is K8Shop.Contracts.Events.IntegrationEvent integration ? integration.RoutingKey : stream.GetNamespace() ?? string.Empty;
}
