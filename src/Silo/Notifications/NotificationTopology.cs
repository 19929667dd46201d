using K8Shop.Contracts.Events;
using K8Shop.Grains.Notifications;
using RabbitMQ.Client;

namespace K8Shop.Silo.Notifications;

/// <summary>
/// The notification queue and its dead-letter path, declared idempotently on every connect: exchange <c>orders</c>
/// (topic, durable, as the original), a quorum queue with an explicit delivery limit, bound with the keys notification
/// handles, dead-lettering under its own name to <c>orders.dlq</c>, where <c>{queue}.dlq</c> keeps them.
/// </summary>
public static class NotificationTopology
{
    public static async Task DeclareAsync(IChannel channel, NotificationQueueOptions options, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(IntegrationEvent.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(options.DeadLetterExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(options.DeadLetterQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(options.DeadLetterQueue, options.DeadLetterExchange, options.Name, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(options.Name, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>
        {
            ["x-queue-type"] = "quorum",
            ["x-delivery-limit"] = options.DeliveryLimit,
            ["x-dead-letter-exchange"] = options.DeadLetterExchange,
            ["x-dead-letter-routing-key"] = options.Name,
        }, cancellationToken: cancellationToken);
        foreach (var key in NotificationRouting.RoutingKeys)
            await channel.QueueBindAsync(options.Name, IntegrationEvent.Exchange, key, cancellationToken: cancellationToken);
    }
}
