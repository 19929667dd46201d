using RabbitMQ.Client;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>A delivery without the provider's headers, as <see cref="RabbitMQStreamOptions.ReadPlainMessage"/> sees it (the body is valid only during the call).</summary>
public readonly record struct RabbitMQPlainMessage(string RoutingKey, IReadOnlyBasicProperties Properties, ReadOnlyMemory<byte> Body);
