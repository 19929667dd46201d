namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// A named durable queue the provider declares on the topic exchange, bound by routing keys, and delivers from to
/// Orleans subscribers on streams of <see cref="StreamNamespace"/> (the key stays the event's stream key). It is the
/// broker-side subscriber group: plain AMQP clients see an ordinary quorum queue with its dead-letter queue, and
/// messages that plain publishers send to the exchange (without the provider's headers) reach it too.
/// </summary>
public sealed class RabbitMQBoundQueueOptions
{
    /// <summary>The AMQP queue (quorum, durable), e.g. <c>notification-service</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The Orleans stream namespace its deliveries go to; implicit subscribers of this namespace receive them.</summary>
    public string StreamNamespace { get; set; } = string.Empty;

    /// <summary>Topic binding keys on the provider's exchange (<c>*</c> one word, <c>#</c> any).</summary>
    public List<string> BindingKeys { get; set; } = [];

    /// <summary>
    /// Where rejected messages and those past <see cref="DeliveryLimit"/> go (a durable topic exchange, routing key
    /// <see cref="Name"/>); the quorum queue <c>{Name}.dlq</c> bound there keeps them.
    /// </summary>
    public string DeadLetterExchange { get; set; } = string.Empty;

    /// <summary>Deliveries of one message before the broker dead-letters it (quorum <c>x-delivery-limit</c>).</summary>
    public int DeliveryLimit { get; set; } = 5;

    /// <summary>Unacknowledged deliveries each consumer holds at once; null: the provider's <see cref="RabbitMQStreamOptions.PrefetchCount"/>.</summary>
    public ushort? PrefetchCount { get; set; }

    /// <summary>
    /// Pulling agents consuming the queue, balanced over the silos like partitions. One keeps a stream's events in
    /// order; more share the load (competing consumers), and events of one stream may then be handled out of order.
    /// </summary>
    public int Consumers { get; set; } = 1;

    public string DeadLetterQueue => Name + ".dlq";
}
