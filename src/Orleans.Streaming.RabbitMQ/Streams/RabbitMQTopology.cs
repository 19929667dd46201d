using System.Globalization;
using RabbitMQ.Client;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// The provider's names and their declaration: the shared topic exchange, bound with <c>#</c> to the provider's
/// headers exchange, which routes each message to the one partition queue whose binding matches its partition header;
/// and each bound queue (quorum, with its delivery limit and dead-letter queue) on the topic exchange by its keys.
/// </summary>
internal sealed class RabbitMQTopology(RabbitMQStreamOptions options, string providerName)
{
    /// <summary>Not "x-" prefixed: a headers exchange ignores those when matching.</summary>
    public const string PartitionHeader = "orleans-partition";

    /// <summary>
    /// Which deployment published (its queue prefix): every deployment on the broker binds its partition exchange to the
    /// shared topic exchange, so its partition queues must match only the messages its own silos published.
    /// </summary>
    public const string DeploymentHeader = "orleans-deployment";

    public string Exchange => options.ExchangeName;

    public string Prefix => options.QueueNamePrefix ?? $"{options.ExchangeName}.{providerName}";

    public string PartitionExchange => $"{Prefix}.partitions";

    public string DeadLetterExchange => $"{Prefix}.dlx";

    public string DeadLetterQueue => $"{Prefix}.dlq";

    public string PartitionQueue(int partition) => $"{Prefix}.{partition.ToString(CultureInfo.InvariantCulture)}";

    public static string PartitionValue(int partition) => partition.ToString(CultureInfo.InvariantCulture);

    public async Task DeclareAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(PartitionExchange, ExchangeType.Headers, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeBindAsync(PartitionExchange, Exchange, "#", cancellationToken: cancellationToken);

        await channel.ExchangeDeclareAsync(DeadLetterExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(DeadLetterQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = QueueTypeArgument }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(DeadLetterQueue, DeadLetterExchange, string.Empty, cancellationToken: cancellationToken);

        for (var partition = 0; partition < options.PartitionCount; partition++)
        {
            var queue = PartitionQueue(partition);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, PartitionQueueArguments(), cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, PartitionExchange, string.Empty, new Dictionary<string, object?>
            {
                ["x-match"] = "all",
                [PartitionHeader] = PartitionValue(partition),
                [DeploymentHeader] = Prefix,
            }, cancellationToken: cancellationToken);
        }

        foreach (var bound in options.BoundQueues)
        {
            await DeclareBoundQueueAsync(channel, bound, cancellationToken);
        }
    }

    /// <summary>
    /// A bound queue exactly as a plain AMQP consumer would declare it: its dead-letter exchange (topic) and quorum
    /// queue <c>{name}.dlq</c> bound there under the queue's name, then the queue and its bindings on the exchange.
    /// </summary>
    private async Task DeclareBoundQueueAsync(IChannel channel, RabbitMQBoundQueueOptions bound, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(bound.DeadLetterExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(bound.DeadLetterQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(bound.DeadLetterQueue, bound.DeadLetterExchange, bound.Name, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(bound.Name, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>
        {
            ["x-queue-type"] = "quorum",
            ["x-delivery-limit"] = bound.DeliveryLimit,
            ["x-dead-letter-exchange"] = bound.DeadLetterExchange,
            ["x-dead-letter-routing-key"] = bound.Name,
        }, cancellationToken: cancellationToken);
        foreach (var key in bound.BindingKeys)
        {
            await channel.QueueBindAsync(bound.Name, Exchange, key, cancellationToken: cancellationToken);
        }
    }

    private string QueueTypeArgument => options.QueueType == RabbitMQQueueType.Quorum ? "quorum" : "classic";

    private Dictionary<string, object?> PartitionQueueArguments()
    {
        var arguments = new Dictionary<string, object?>
        {
            ["x-queue-type"] = QueueTypeArgument,
            ["x-dead-letter-exchange"] = DeadLetterExchange,
            // One consumer at a time even while silos hand a partition over, so a stream's events stay in order.
            ["x-single-active-consumer"] = true,
        };
        if (options.QueueType == RabbitMQQueueType.Quorum)
        {
            // RabbitMQ 3.x has no default: without it a message that always fails is redelivered forever.
            arguments["x-delivery-limit"] = options.DeliveryLimit;
        }

        return arguments;
    }
}
