using System.Net;
using K8Shop.Grains.Catalog;
using K8Shop.Grains.Faults;
using K8Shop.Grains.Notifications;
using K8Shop.Grains.Recommendations;
using K8Shop.Grains.Reviews;
using K8Shop.Silo.Catalog;

namespace K8Shop.Silo.Hosting;

/// <summary>
/// Every provider of each profile, in one place: where the catalog, membership, reminders, each grain storage and the
/// events live. The features on top of them (<see cref="SiloHostingExtensions.AddK8ShopSilo"/>) are the same in both.
/// Each calls <c>UseOrleans</c>, which the features' call then extends (Orleans keeps one silo builder per host).
/// </summary>
public static class ProfileHostingExtensions
{
    /// <summary>One process, nothing to install: localhost clustering, and memory for the catalog, every store, reminders and streams.</summary>
    public static IHostApplicationBuilder AddEmbeddedProviders(this IHostApplicationBuilder builder, SiloEndpointOptions endpoints)
    {
        builder.Services.AddInMemoryCatalog();
        builder.Services.AddInMemoryReviews();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, serviceId: endpoints.ServiceId, clusterId: endpoints.ClusterId)
            .UseInMemoryReminderService()
            .AddMemoryCartStorage()
            .AddMemoryInventoryStorage()
            .AddMemoryOrderStorage()
            .AddMemoryGrainStorage(RecommendationStorage.Name)
            .AddMemoryGrainStorage(NotificationStorage.Name)
            .AddOrleansSerializedMemoryGrainStorage(FaultStorage.Name)
            .AddMemoryEvents(builder.Configuration));
        return builder;
    }

    /// <summary>
    /// Real datastores: the catalog, membership, reminders, orders, payments, notifications and fault switches on
    /// PostgreSQL; carts and the recommendations' signals (sales ranking, buyers, tastes) on Redis; inventory on
    /// DynamoDB; events on RabbitMQ; Kubernetes hosting when in a pod.
    /// </summary>
    public static IHostApplicationBuilder AddClusterProviders(this IHostApplicationBuilder builder, SiloEndpointOptions endpoints)
    {
        var configuration = builder.Configuration;
        // Hosted services start in order: the catalog's migrations finish before the silo serves grains.
        builder.Services.AddPostgresCatalog(configuration);
        builder.Services.AddPostgresReviews();
        builder.UseOrleans(silo => silo
            .ConfigureEndpoints(IPAddress.Parse(endpoints.AdvertisedIP), endpoints.SiloPort, endpoints.GatewayPort)
            .UsePostgresClustering()
            .UsePostgresReminderService()
            .AddRedisCartStorage(configuration)
            .AddDynamoDBInventoryStorage(configuration)
            .AddPostgresOrderStorage()
            .AddRedisRecommendationStorage(configuration)
            .AddPostgresGrainStorage(NotificationStorage.Name)
            .AddPostgresGrainStorage(FaultStorage.Name)
            .AddRabbitMQEvents(configuration)
            .AddK8ShopKubernetesHosting());
        // After the silo: it publishes through the silo's own stream provider.
        builder.Services.AddHostedService<CatalogOutboxPublisher>();
        return builder;
    }
}
