using K8Shop.Grains.Catalog;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace K8Shop.Silo.Hosting;

public static class SiloHostingExtensions
{
    public const string StreamProviderName = K8Shop.Contracts.Events.EventStreams.ProviderName;

    /// <summary>
    /// Adds the Orleans silo and the datastores the profile asks for. Embedded: localhost clustering and
    /// in-memory storage, streams, reminders, catalog, carts and inventory. Cluster: the catalog, membership, reminders, orders, payments and the sales ranking on PostgreSQL, carts on Redis, inventory on DynamoDB, events on RabbitMQ.
    /// </summary>
    public static WebApplicationBuilder AddK8ShopSilo(this WebApplicationBuilder builder)
    {
        var profile = builder.Configuration.GetSection(K8ShopOptions.SectionName).Get<K8ShopOptions>() ?? new K8ShopOptions();
        profile.Validate();
        var endpoints = builder.Configuration.GetSection(SiloEndpointOptions.SectionName).Get<SiloEndpointOptions>() ?? new SiloEndpointOptions();
        endpoints.Validate();
        builder.Services.AddSingleton(profile);

        // Migrations must finish before the silo starts serving grains, so the store is registered first.
        if (profile.IsCluster)
            builder.Services.AddPostgresCatalog(builder.Configuration);
        else
            builder.Services.AddInMemoryCatalog();

        builder.UseOrleans(silo =>
        {
            silo.AddK8ShopMembershipAndState(usePostgres: profile.IsCluster, endpoints);
            silo.Configure<ClusterOptions>(options =>
            {
                options.ServiceId = endpoints.ServiceId;
                options.ClusterId = endpoints.ClusterId;
            });
            // Failure detection and call timeouts are settable (Orleans:Membership:*, Orleans:Messaging:*): fault drills shorten them.
            silo.Services.AddOptions<ClusterMembershipOptions>().Bind(builder.Configuration.GetSection("Orleans:Membership"));
            silo.Services.AddOptions<SiloMessagingOptions>().Bind(builder.Configuration.GetSection("Orleans:Messaging"));
            silo.AddMemoryGrainStorageAsDefault();
            silo.AddIncomingGrainCallFilter<K8Shop.Grains.Identity.ShopperOwnershipFilter>();
            silo.AddK8ShopCarts(useRedis: profile.IsCluster, builder.Configuration);
            silo.AddK8ShopInventory(useDynamoDB: profile.IsCluster, builder.Configuration);
            silo.AddK8ShopOrders(usePostgres: profile.IsCluster, builder.Configuration);
            silo.AddK8ShopRecommendations(usePostgres: profile.IsCluster, builder.Configuration);
            silo.AddK8ShopNotifications(cluster: profile.IsCluster, builder.Configuration);
            silo.AddK8ShopEvents(useRabbitMQ: profile.IsCluster, builder.Configuration);
            silo.AddK8ShopFaults(usePostgres: profile.IsCluster, builder.Configuration);
            if (profile.Dashboard)
                silo.AddDashboard();
            if (profile.IsCluster)
                silo.AddK8ShopKubernetesHosting();
        });
        // After the silo (hosted services start in order): it publishes through the silo's own stream provider.
        if (profile.IsCluster)
            builder.Services.AddHostedService<K8Shop.Silo.Catalog.CatalogOutboxPublisher>();
        return builder;
    }
}
