using System.Globalization;
using RabbitMQ.Client;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// The provider's names and their declaration: the shared topic exchange, bound with <c>#</c> to the provider's
/// headers exchange, which routes each message to the one partition queue whose binding matches its partition header.
/// </summary>
internal sealed class RabbitMQTopology(RabbitMQStreamOptions options, string providerName)
{
    /// <summary>Not "x-" prefixed: a headers exchange ignores those when matching.</summary>
    public const string PartitionHeader = "orleans-partition";

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
            }, cancellationToken: cancellationToken);
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
