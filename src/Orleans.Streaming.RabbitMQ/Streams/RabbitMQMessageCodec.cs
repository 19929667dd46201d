using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Orleans.Runtime;
using RabbitMQ.Client;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>An event ready to publish: exchange routing key, AMQP properties and the JSON body.</summary>
internal sealed record RabbitMQOutgoingMessage(string RoutingKey, BasicProperties Properties, ReadOnlyMemory<byte> Body);

/// <summary>
/// Turns events into AMQP messages and back: the body is the event's JSON (its runtime type), and headers carry
/// the Orleans stream id, the partition and the event's registered type alias.
/// </summary>
internal sealed class RabbitMQMessageCodec(RabbitMQStreamOptions options, RabbitMQTopology topology)
{
    public const string StreamNamespaceHeader = "orleans-stream-namespace";
    public const string StreamKeyHeader = "orleans-stream-key";
    public const string EventTypeHeader = "orleans-event-type";
    public const string ContentType = "application/json";

    public RabbitMQOutgoingMessage Encode(StreamId streamId, object @event, int partition)
    {
        var type = @event.GetType();
        if (!options.EventTypes.TryGetAlias(type, out var alias))
        {
            throw new ArgumentException($"Event type {type} is not registered in {nameof(RabbitMQStreamOptions)}.{nameof(RabbitMQStreamOptions.EventTypes)}, so no receiver could read it.", nameof(@event));
        }

        var (messageId, correlationId) = options.MessageIds?.Invoke(@event) ?? (Guid.NewGuid().ToString(), streamId.GetKeyAsString());
        var properties = new BasicProperties
        {
            ContentType = ContentType,
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = messageId,
            CorrelationId = correlationId,
            Type = alias,
            Timestamp = new AmqpTimestamp(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
            Headers = new Dictionary<string, object?>
            {
                [StreamNamespaceHeader] = streamId.GetNamespace() ?? string.Empty,
                [StreamKeyHeader] = streamId.GetKeyAsString(),
                [EventTypeHeader] = alias,
                [RabbitMQTopology.PartitionHeader] = RabbitMQTopology.PartitionValue(partition),
                [RabbitMQTopology.DeploymentHeader] = topology.Prefix,
            },
        };
        var routingKey = options.RoutingKey?.Invoke(@event, streamId) ?? streamId.GetNamespace() ?? string.Empty;
        var body = JsonSerializer.SerializeToUtf8Bytes(@event, type, options.JsonSerializerOptions);
        return new RabbitMQOutgoingMessage(routingKey, properties, body);
    }

    /// <summary>Reads a delivery; false with the reason when it lacks the headers or its body does not fit its registered type.</summary>
    public bool TryDecode(IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body,
        out StreamId streamId, [NotNullWhen(true)] out object? @event, [NotNullWhen(false)] out string? problem)
    {
        streamId = default;
        @event = null;
        var headers = properties.Headers;
        if (ReadHeader(headers, StreamNamespaceHeader) is not { } streamNamespace || ReadHeader(headers, StreamKeyHeader) is not { } streamKey)
        {
            problem = $"no {StreamNamespaceHeader}/{StreamKeyHeader} headers";
            return false;
        }

        if (ReadHeader(headers, EventTypeHeader) is not { } alias || !options.EventTypes.TryGetType(alias, out var type))
        {
            problem = $"{EventTypeHeader} header missing or not a registered event type";
            return false;
        }

        try
        {
            @event = JsonSerializer.Deserialize(body.Span, type, options.JsonSerializerOptions);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            problem = $"body is not a {alias}: {exception.Message}";
            return false;
        }

        if (@event is null)
        {
            problem = "body is JSON null";
            return false;
        }

        streamId = StreamId.Create(streamNamespace, streamKey);
        problem = null;
        return true;
    }

    /// <summary>
    /// Reads a delivery from a bound queue onto a stream of the queue's namespace, keyed as the event's own stream: by
    /// the provider's headers when present, else by <see cref="RabbitMQStreamOptions.ReadPlainMessage"/>.
    /// </summary>
    public bool TryDecodeBound(RabbitMQBoundQueueOptions queue, string routingKey, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body,
        out StreamId streamId, [NotNullWhen(true)] out object? @event, [NotNullWhen(false)] out string? problem)
    {
        if (ReadHeader(properties.Headers, StreamKeyHeader) is not null)
        {
            var read = TryDecode(properties, body, out var published, out @event, out problem);
            streamId = read ? StreamId.Create(queue.StreamNamespace, published.GetKeyAsString()) : default;
            return read;
        }

        streamId = default;
        @event = null;
        if (options.ReadPlainMessage is not { } readPlain)
        {
            problem = $"no {StreamKeyHeader} header, and no reader for plain messages";
            return false;
        }

        string key;
        try
        {
            (key, @event) = readPlain(new RabbitMQPlainMessage(routingKey, properties, body));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            problem = exception.Message;
            return false;
        }

        streamId = StreamId.Create(queue.StreamNamespace, key);
        problem = null;
        return true;
    }

    private static string? ReadHeader(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                string text => text,
                _ => null,
            }
            : null;
}
