using System.Text.Json;
using K8Shop.Contracts.Events;

namespace K8Shop.UnitTests.Events;

/// <summary>Event bodies keep every key of the original payloads (reference 3.2); fields are added, none renamed or removed.</summary>
public sealed class EventPayloadTests
{
    private static JsonElement Json(IntegrationEvent e) => JsonSerializer.SerializeToElement(e, e.GetType());

    private static HashSet<string> Keys(JsonElement json) => [.. json.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public void Order_created_has_the_original_keys_and_routing_key()
    {
        var e = new OrderEvent
        {
            MessageId = "m-1", CorrelationId = "o-1", OccurredAt = DateTimeOffset.UnixEpoch, Event = "order.created", OrderId = "o-1", UserId = "u-1",
            Status = "pending", Items = [new OrderEventLine("BOOK-001", 2, 44.95m, 89.9m, "P")], Total = 89.9m, ItemCount = 2, CreatedAt = "2026-01-01T00:00:00.000000Z",
        };

        var json = Json(e);

        Assert.Equal("orders.order_created", e.RoutingKey);
        Assert.Equal("orders", e.StreamNamespace);
        Assert.Superset(new HashSet<string> { "event", "version", "orderId", "userId", "items", "total", "itemCount", "createdAt", "messageId", "correlationId", "message_id", "correlation_id" }, Keys(json));
        Assert.Superset(new HashSet<string> { "sku", "qty", "price", "total", "quantity" }, Keys(json.GetProperty("items")[0]));
        Assert.Equal((1, "m-1", "m-1"), (json.GetProperty("version").GetInt32(), json.GetProperty("messageId").GetString(), json.GetProperty("message_id").GetString()));
        Assert.Equal("orders.order_shipped", (e with { Event = "order.shipped" }).RoutingKey);
    }

    [Fact]
    public void Payment_and_inventory_events_have_the_original_snake_case_keys()
    {
        var paid = new PaymentEvent { MessageId = "m", CorrelationId = "o", OccurredAt = DateTimeOffset.UnixEpoch, OrderId = "o", Status = "payment.succeeded", PaymentId = "pay_x", UserId = "u", Amount = 1m };
        var updated = new InventoryUpdatedEvent { MessageId = "m", CorrelationId = "o", OccurredAt = DateTimeOffset.UnixEpoch, OrderId = "o", Status = "inventory.failed", Items = [new("BOOK-001", 99)], Reason = "out_of_stock" };

        Assert.Equal("orders.payment_succeeded", paid.RoutingKey);
        Assert.Equal("orders.payment_failed", (paid with { Status = "payment.failed" }).RoutingKey);
        Assert.Superset(new HashSet<string> { "order_id", "status", "message_id", "correlation_id" }, Keys(Json(paid)));
        Assert.Equal("inventory.updated", updated.RoutingKey);
        Assert.Superset(new HashSet<string> { "order_id", "status", "items", "reason" }, Keys(Json(updated)));
    }

    [Fact]
    public void Stable_message_ids_repeat_for_the_same_fact_and_differ_between_facts()
    {
        Assert.Equal(IntegrationEvent.StableMessageId("o-1", "order.created"), IntegrationEvent.StableMessageId("o-1", "order.created"));
        Assert.NotEqual(IntegrationEvent.StableMessageId("o-1", "order.created"), IntegrationEvent.StableMessageId("o-1", "order.confirmed"));
        Assert.NotEqual(IntegrationEvent.StableMessageId("o-1", "order.created"), IntegrationEvent.StableMessageId("o-2", "order.created"));
    }
}
