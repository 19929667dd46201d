using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using K8Shop.Contracts.Events;

namespace K8Shop.Silo.Notifications;

/// <summary>
/// Turns an AMQP delivery into its event by routing key. The ids may come from the AMQP properties when the body
/// lacks them (the original publishers set only those, or nothing); with no id anywhere, a hash of the key and body
/// stands in, so the same bytes redelivered are still recognised. A body that does not fit is a poison message.
/// </summary>
public static class IntegrationEventDecoder
{
    public static IntegrationEvent Decode(string routingKey, ReadOnlySpan<byte> body, string? messageId, string? correlationId, DateTimeOffset receivedAt)
    {
        var type = TypeFor(routingKey) ?? throw new PoisonMessageException($"routing key '{routingKey}' is not one notification handles");
        JsonObject json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject ?? throw new PoisonMessageException("the body is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new PoisonMessageException("the body is not JSON: " + ex.Message, ex);
        }

        json["message_id"] ??= messageId is { Length: > 0 } ? messageId : "sha256:" + Convert.ToHexStringLower(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(routingKey + "\n"), .. body]));
        json["correlation_id"] ??= correlationId is { Length: > 0 } ? JsonValue.Create(correlationId) : (json["orderId"] ?? json["order_id"] ?? json["sku"])?.DeepClone();
        json["occurred_at"] ??= receivedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            return (IntegrationEvent)(json.Deserialize(type) ?? throw new PoisonMessageException("the body is null"));
        }
        catch (JsonException ex)
        {
            throw new PoisonMessageException($"the body is not a {type.Name}: {ex.Message}", ex);
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

/// <summary>A message that can never be handled, however often it is delivered: it goes to the dead-letter queue.</summary>
public sealed class PoisonMessageException : Exception
{
    public PoisonMessageException() { }

    public PoisonMessageException(string message) : base(message) { }

    public PoisonMessageException(string message, Exception inner) : base(message, inner) { }
}
