using K8Shop.Contracts.Events;
using K8Shop.Contracts.Notifications;

namespace K8Shop.GrainTests.Notifications;

/// <summary>
/// Notification's way in on memory streams: an event on its own stream is routed, by the queue's binding keys, to the
/// notification-service namespace, and reaches the shopper's grain through the implicit subscription there.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NotificationStreamTests(ClusterFixture cluster)
{
    [Fact]
    public async Task OrderConfirmed_OnTheEventsStream_TwiceWithOneMessageId_SendsOneEmail()
    {
        var user = $"stream-{Guid.NewGuid():N}";
        var orderId = Guid.NewGuid().ToString();
        var evt = new OrderEvent
        {
            MessageId = IntegrationEvent.StableMessageId(orderId, "orders.order_confirmed"), CorrelationId = orderId, OccurredAt = DateTimeOffset.UtcNow,
            Event = "order.confirmed", OrderId = orderId, UserId = user, Status = "confirmed",
            Items = [new OrderEventLine("BOOK-001", 1, 10m, 10m, "A book")], Total = 10m, ItemCount = 1, CreatedAt = "now",
        };
        var stream = cluster.Events.GetStream<IntegrationEvent>(StreamId.Create(evt.StreamNamespace, evt.CorrelationId));

        await stream.OnNextAsync(evt);
        await stream.OnNextAsync(evt);
        var history = cluster.Grains.GetGrain<INotificationGrain>(user);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await history.ListAsync(0, 5)).Total == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        await Task.Delay(300);

        var email = Assert.Single(ClusterFixture.Mail.EmailsTo(user));
        Assert.Equal("order_confirmed", email.Template);
        Assert.Equal(NotificationStatus.Sent, Assert.Single((await history.ListAsync(0, 5)).Entries).Status);
    }
}
