using System.Collections.Immutable;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Notifications;

namespace K8Shop.Grains.Notifications;

/// <summary>What one event asks of notification: messages to shoppers, and SKUs whose stock may have come back.</summary>
public sealed record NotificationPlan(ImmutableArray<(string UserId, NotificationRequest Request)> Notify, ImmutableArray<string> SkusToCheck)
{
    public static readonly NotificationPlan Nothing = new([], []);
}

/// <summary>
/// Which events notify whom. E-mail: <c>order.confirmed</c>, <c>order.shipped</c>, <c>payment.failed</c> (a confirmed
/// order already says it was paid, so <c>payment.succeeded</c> sends nothing more). Back in stock: every event that
/// names SKUs (order lines, inventory, product) makes those SKUs look at their stock again.
/// </summary>
public static class NotificationRouting
{
    /// <summary>The original's durable queue notification consumes, bound to exchange <c>orders</c> by <see cref="RoutingKeys"/>.</summary>
    public const string QueueName = "notification-service";

    /// <summary>
    /// The Orleans stream namespace the event provider delivers the queue's messages on (key: the event's stream key), in
    /// the cluster from the bound RabbitMQ queue and in embedded mode from memory streams routed by the same keys.
    /// </summary>
    public const string StreamNamespace = "notification-service";

    /// <summary>The AMQP routing keys the notification queue is bound to.</summary>
    public static readonly ImmutableArray<string> RoutingKeys =
    [
        "orders.order_confirmed", "orders.order_shipped", "orders.order_cancelled", "orders.order_rejected",
        "orders.payment_failed", "inventory.#", "product.#",
    ];

    public static NotificationPlan Plan(IntegrationEvent evt) => evt switch
    {
        OrderEvent order => Order(order),
        PaymentEvent { Status: "payment.failed" } payment when !string.IsNullOrWhiteSpace(payment.UserId) => new(
            [(payment.UserId, new NotificationRequest(payment.MessageId, NotificationTemplate.PaymentFailed, payment.OrderId, null, [], payment.Amount, payment.Reason))],
            []),
        InventoryUpdatedEvent inventory => new([], Skus(inventory.Items.Select(i => i.Sku))),
        InventoryLowEvent low => new([], Skus([low.Sku])),
        ProductEvent product => new([], Skus([product.Sku])),
        _ => NotificationPlan.Nothing,
    };

    private static NotificationPlan Order(OrderEvent order)
    {
        var skus = Skus(order.Items.Select(i => i.Sku));
        NotificationTemplate? template = order.Event switch
        {
            "order.confirmed" => NotificationTemplate.OrderConfirmed,
            "order.shipped" => NotificationTemplate.OrderShipped,
            _ => null,
        };
        if (template is null || string.IsNullOrWhiteSpace(order.UserId))
            return new([], skus);
        var lines = order.Items.Select(i => new NotificationLine(i.Sku, i.Title, i.Qty, i.Price, i.Total)).ToImmutableArray();
        return new([(order.UserId, new NotificationRequest(order.MessageId, template.Value, order.OrderId, null, lines, order.Total, order.Reason))], skus);
    }

    private static ImmutableArray<string> Skus(IEnumerable<string> skus) =>
        [.. skus.Where(s => !string.IsNullOrWhiteSpace(s)).Select(InventoryKey.For).Distinct(StringComparer.Ordinal)];
}
