using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using K8Shop.Contracts.Events;
using Orleans.Streaming.RabbitMQ;

namespace K8Shop.Silo.Events;

/// <summary>
/// Reads a message that a plain AMQP client published to exchange <c>orders</c> (the original services, a script:
/// no Orleans stream headers) into its event, by routing key, for the stream provider's bound queues. The ids may come
/// from the AMQP properties when the body lacks them (the original publishers set only those, or nothing); with no id
/// anywhere, a hash of the key and body stands in, so the same bytes redelivered are still recognised. A body that does
/// not fit throws <see cref="InvalidDataException"/>: the provider dead-letters it.
/// </summary>
public static class PlainIntegrationEventReader
{
    /// <summary>The event and its stream key (the correlation id: the order, the SKU).</summary>
    public static (string StreamKey, object Event) Read(RabbitMQPlainMessage message, DateTimeOffset receivedAt)
    {
        var evt = Decode(message.RoutingKey, message.Body.Span, message.Properties.MessageId, message.Properties.CorrelationId, receivedAt);
        return (evt.CorrelationId is { Length: > 0 } key ? key : evt.MessageId, evt);
    }

    public static IntegrationEvent Decode(string routingKey, ReadOnlySpan<byte> body, string? messageId, string? correlationId, DateTimeOffset receivedAt)
    {
        var type = TypeFor(routingKey) ?? throw new InvalidDataException($"routing key '{routingKey}' is not one of the shop's events");
        JsonObject json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject ?? throw new InvalidDataException("the body is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("the body is not JSON: " + ex.Message, ex);
        }

        json["message_id"] ??= messageId is { Length: > 0 } ? messageId : "sha256:" + Convert.ToHexStringLower(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(routingKey + "\n"), .. body]));
        json["correlation_id"] ??= correlationId is { Length: > 0 } ? JsonValue.Create(correlationId) : (json["orderId"] ?? json["order_id"] ?? json["sku"])?.DeepClone();
        json["occurred_at"] ??= receivedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            return (IntegrationEvent)(json.Deserialize(type) ?? throw new InvalidDataException("the body is null"));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the body is not a {type.Name}: {ex.Message}", ex);
        }
    }

    private static Type? TypeFor(string routingKey) => routingKey switch
    {
        _ when routingKey.StartsWith("orders.order_", StringComparison.Ordinal) => typeof(OrderEvent),
        "orders.payment_succeeded" or "orders.payment_failed" => typeof(PaymentEvent),
        "inventory.updated" => typeof(InventoryUpdatedEvent),
        "inventory.low" => typeof(InventoryLowEvent),
        _ when routingKey.StartsWith("product.", StringComparison.Ordinal) => typeof(ProductEvent),
        _ => null,
    };
}
