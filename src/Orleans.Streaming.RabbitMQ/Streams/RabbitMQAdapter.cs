using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>Publishes each event as its own AMQP message (so plain clients read one payload per message) and creates partition receivers.</summary>
internal sealed class RabbitMQAdapter(
    string name,
    RabbitMQPublisher publisher,
    RabbitMQMessageCodec codec,
    RabbitMQQueueMapper mapper,
    Func<QueueId, IQueueAdapterReceiver> createReceiver) : IQueueAdapter
{
    public string Name => name;

    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => createReceiver(queueId);

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new ArgumentException("The RabbitMQ stream provider does not support sequence tokens on publish.", nameof(token));
        }

        var partition = (int)mapper.GetQueueForStream(streamId).GetNumericId();
        foreach (var @event in events)
        {
            ArgumentNullException.ThrowIfNull(@event);
            // One at a time: the next event of the stream goes out only once this one is confirmed, keeping their order.
            await publisher.PublishAsync(codec.Encode(streamId, @event, partition));
        }
    }
}
