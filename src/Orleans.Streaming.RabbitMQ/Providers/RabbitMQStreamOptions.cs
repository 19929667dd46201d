using System.Text.Json;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>The kind of partition and dead-letter queues the provider declares.</summary>
public enum RabbitMQQueueType
{
    /// <summary>Replicated, fsynced before confirming, with a broker-enforced delivery limit (the default).</summary>
    Quorum,

    /// <summary>A classic queue: no delivery limit on the broker, so a failed delivery is requeued once, then dead-lettered.</summary>
    Classic,
}

/// <summary>How a publish that was returned, nacked or not confirmed in time is retried before the caller sees the failure.</summary>
public sealed class RabbitMQPublishRetryOptions
{
    /// <summary>Attempts in all, the first one included.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failed attempt; it doubles after each further one.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one attempt waits for the broker's confirm.</summary>
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Settings of one named RabbitMQ stream provider.</summary>
public sealed class RabbitMQStreamOptions
{
    public const int DefaultPartitionCount = 8;

    /// <summary>The broker, as an AMQP URI: <c>amqp://user:password@host:5672/vhost</c>.</summary>
    [Redact]
    public string? ConnectionString { get; set; }

    /// <summary>The durable topic exchange every event is published to, and plain AMQP clients bind their queues to.</summary>
    public string ExchangeName { get; set; } = "orleans.streams";

    /// <summary>
    /// The prefix of the provider's own exchanges and queues (<c>{prefix}.partitions</c>, <c>{prefix}.0</c>...,
    /// <c>{prefix}.dlx</c>, <c>{prefix}.dlq</c>); by default <c>{ExchangeName}.{ServiceId}.{provider name}</c>, so two
    /// deployments sharing a broker never read each other's partitions.
    /// </summary>
    public string? QueueNamePrefix { get; set; }

    /// <summary>Partition queues; streams are spread over them by a hash ring. Changing it moves streams between queues.</summary>
    public int PartitionCount { get; set; } = DefaultPartitionCount;

    /// <summary>
    /// Unacknowledged deliveries a partition's consumer holds at once (AMQP basic.qos). A delivery is acked only once
    /// Orleans' cache purges it, a poll or two after delivery, so this bounds a partition's throughput: on the dev box
    /// 3,000 events on 4 partitions took 7.4 s with 50 and 0.6 s with 500. Keep it below the cache size.
    /// </summary>
    public ushort PrefetchCount { get; set; } = 500;

    /// <summary>Deliveries of one message before the broker dead-letters it (quorum <c>x-delivery-limit</c>).</summary>
    public int DeliveryLimit { get; set; } = 5;

    public RabbitMQQueueType QueueType { get; set; } = RabbitMQQueueType.Quorum;

    /// <summary>Whether the provider declares its exchanges, queues and bindings at start (off when they are provisioned elsewhere).</summary>
    public bool DeclareTopology { get; set; } = true;

    /// <summary>Publishes awaiting a confirm at once on the provider's channel.</summary>
    public int MaxOutstandingConfirms { get; set; } = 256;

    /// <summary>How soon a receiver that lost its connection or channel tries again to connect and consume.</summary>
    public TimeSpan NetworkRecoveryInterval { get; set; } = TimeSpan.FromSeconds(2);

    public RabbitMQPublishRetryOptions PublishRetry { get; set; } = new();

    /// <summary>The routing key of an event on the topic exchange; by default the stream's namespace.</summary>
    public Func<object, StreamId, string>? RoutingKey { get; set; }

    /// <summary>The AMQP <c>message_id</c> and <c>correlation_id</c> of an event; by default a new GUID and the stream's key.</summary>
    public Func<object, (string MessageId, string? CorrelationId)>? MessageIds { get; set; }

    /// <summary>The event types the provider may publish and read, under stable aliases carried in a header.</summary>
    public RabbitMQEventTypes EventTypes { get; set; } = new();

    /// <summary>Named durable queues bound to the exchange, each delivering to the subscribers of its own stream namespace.</summary>
    public List<RabbitMQBoundQueueOptions> BoundQueues { get; set; } = [];

    /// <summary>
    /// Reads a message a plain AMQP client published (no <c>orleans-stream-*</c> headers) into its stream key and
    /// event, so bound queues deliver it too; throw when it can never be read (it is dead-lettered). Null: such
    /// messages are dead-lettered.
    /// </summary>
    public Func<RabbitMQPlainMessage, (string StreamKey, object Event)>? ReadPlainMessage { get; set; }

    /// <summary>How event bodies are written and read (System.Text.Json, the event's runtime type).</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = JsonSerializerOptions.Default;
}
