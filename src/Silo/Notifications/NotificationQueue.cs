using K8Shop.Contracts.Events;
using K8Shop.Grains.Notifications;
using Orleans.Streaming.RabbitMQ;

namespace K8Shop.Silo.Notifications;

/// <summary>
/// The queue notification consumes through the events stream provider: the original's <c>notification-service</c>,
/// bound to exchange <c>orders</c> by <see cref="NotificationRouting.RoutingKeys"/>, quorum with a delivery limit, dead-lettering
/// to <c>orders.dlq</c> under its own name, where <c>notification-service.dlq</c> keeps them. Section
/// <c>Notifications:Queue</c> may set <c>Name</c>, <c>DeadLetterExchange</c>, <c>DeliveryLimit</c> (5),
/// <c>PrefetchCount</c> (64) and <c>Consumers</c> (1); the provider validates them at start.
/// </summary>
public static class NotificationQueue
{
    public const string SectionName = "Notifications:Queue";

    public static RabbitMQBoundQueueOptions From(IConfiguration configuration)
    {
        var queue = new RabbitMQBoundQueueOptions
        {
            Name = NotificationRouting.QueueName,
            StreamNamespace = NotificationRouting.StreamNamespace,
            DeadLetterExchange = IntegrationEvent.Exchange + ".dlq",
            DeliveryLimit = 5,
            PrefetchCount = 64,
        };
        configuration.GetSection(SectionName).Bind(queue);
        // The bindings and the namespace are the code's: notification's grain subscribes to exactly these.
        queue.BindingKeys = [.. NotificationRouting.RoutingKeys];
        queue.StreamNamespace = NotificationRouting.StreamNamespace;
        return queue;
    }
}
