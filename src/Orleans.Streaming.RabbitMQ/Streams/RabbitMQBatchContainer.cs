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

    /// <summary>The W3C <c>traceparent</c> the publisher put in the message's headers, if any.</summary>
    [Id(4)]
    public string? TraceParent { get; init; }

    [Id(5)]
    public string? TraceState { get; init; }

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Event is T typed ? [Tuple.Create<T, StreamSequenceToken>(typed, _sequenceToken)] : [];

    /// <summary>
    /// Only the message's trace context travels (plain AMQP publishers have no request context), under keys of its own:
    /// Orleans' grain-call filters own <c>traceparent</c>. Subscribers read it with <see cref="AmqpTraceContext.FromRequestContext"/>.
    /// </summary>
    public bool ImportRequestContext()
    {
        if (TraceParent is null)
        {
            return false;
        }

        RequestContext.Set(AmqpTraceContext.TraceParentKey, TraceParent);
        if (TraceState is not null)
        {
            RequestContext.Set(AmqpTraceContext.TraceStateKey, TraceState);
        }

        return true;
    }

    public override string ToString() => $"[RabbitMQBatchContainer:Stream={StreamId},MessageId={MessageId},Token={_sequenceToken}]";
}
