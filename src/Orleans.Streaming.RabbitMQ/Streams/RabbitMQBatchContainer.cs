using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>One AMQP message as Orleans sees it: one event of one stream, with the receiver's sequence token.</summary>
[GenerateSerializer, Alias("Orleans.Streaming.RabbitMQ.RabbitMQBatchContainer")]
public sealed class RabbitMQBatchContainer(StreamId streamId, object @event, string? messageId, EventSequenceTokenV2 sequenceToken) : IBatchContainer
{
    [Id(0)]
    public StreamId StreamId { get; } = streamId;

    [Id(1)]
    public object Event { get; } = @event;

    /// <summary>The AMQP message_id, for logs and for consumers that act once per message.</summary>
    [Id(2)]
    public string? MessageId { get; } = messageId;

    [Id(3)]
    private readonly EventSequenceTokenV2 _sequenceToken = sequenceToken;

    public StreamSequenceToken SequenceToken => _sequenceToken;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Event is T typed ? [Tuple.Create<T, StreamSequenceToken>(typed, _sequenceToken)] : [];

    /// <summary>The request context does not travel: plain AMQP publishers have none, and the headers stay theirs to read.</summary>
    public bool ImportRequestContext() => false;

    public override string ToString() => $"[RabbitMQBatchContainer:Stream={StreamId},MessageId={MessageId},Token={_sequenceToken}]";
}
