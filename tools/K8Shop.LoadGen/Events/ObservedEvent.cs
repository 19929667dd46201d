using System.Text.Json;

namespace K8Shop.LoadGen.Events;

/// <summary>One event as the watcher received it: its routing key and ids, when its state change happened, when it arrived.</summary>
public sealed record ObservedEvent(
    string RoutingKey, string MessageId, string? OrderId, string? UserId, DateTimeOffset OccurredAt, DateTimeOffset ReceivedAt)
{
    public TimeSpan Delay => ReceivedAt - OccurredAt;

    /// <summary>
    /// Reads an event body (the contracts' JSON: <c>message_id</c>, <c>occurred_at</c>, and for order and payment events
    /// <c>orderId</c>/<c>order_id</c> and <c>userId</c>/<c>user_id</c>); null when it is not JSON or lacks an id or a time.
    /// <paramref name="fallbackMessageId"/> is the AMQP property, used when the body has none.
    /// </summary>
    public static ObservedEvent? TryParse(string routingKey, ReadOnlySpan<byte> body, string? fallbackMessageId, DateTimeOffset receivedAt)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return null;
            var messageId = Text(root, "message_id") ?? fallbackMessageId;
            if (string.IsNullOrEmpty(messageId)
                || !root.TryGetProperty("occurred_at", out var occurred)
                || occurred.ValueKind != JsonValueKind.String
                || !occurred.TryGetDateTimeOffset(out var occurredAt))
                return null;
            return new ObservedEvent(
                routingKey, messageId, Text(root, "orderId") ?? Text(root, "order_id"), Text(root, "userId") ?? Text(root, "user_id"), occurredAt, receivedAt);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
