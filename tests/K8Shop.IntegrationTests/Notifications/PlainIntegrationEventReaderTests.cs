using System.Text;
using K8Shop.Contracts.Events;
using K8Shop.Silo.Events;

namespace K8Shop.IntegrationTests.Notifications;

public sealed class PlainIntegrationEventReaderTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Decode_TheOriginalOrderCreatedBody_TakesItsIdsFromTheBody()
    {
        const string body = """
            {"event": "order.created", "version": 1, "orderId": "o-1", "userId": "demo-user", "status": "created",
             "items": [{"sku": "BOOK-001", "qty": 2, "price": 44.95, "total": 89.9, "quantity": 2}],
             "total": 89.9, "itemCount": 2, "createdAt": "2025-11-03T12:34:56.123456", "messageId": "m", "correlationId": "o-1"}
            """;

        var evt = Assert.IsType<OrderEvent>(PlainIntegrationEventReader.Decode("orders.order_created", Encoding.UTF8.GetBytes(body), "amqp-id", "o-1", Now));

        Assert.Equal(("amqp-id", "o-1", "demo-user", 89.9m), (evt.MessageId, evt.CorrelationId, evt.UserId, evt.Total));
        Assert.Equal(2, Assert.Single(evt.Items).Qty);
    }

    [Fact]
    public void Decode_WithoutAnyMessageId_UsesAHashOfKeyAndBody_TheSameEachTime()
    {
        var body = Encoding.UTF8.GetBytes("""{"sku":"BOOK-1","threshold":5,"current":0}""");

        var first = PlainIntegrationEventReader.Decode("inventory.low", body, null, null, Now);
        var again = PlainIntegrationEventReader.Decode("inventory.low", body, null, null, Now.AddHours(1));

        Assert.StartsWith("sha256:", first.MessageId, StringComparison.Ordinal);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal("BOOK-1", first.CorrelationId);
    }

    [Theory]
    [InlineData("orders.order_confirmed", "not json")]
    [InlineData("orders.order_confirmed", "[1,2]")]
    [InlineData("orders.order_confirmed", """{"orderId":"o-1"}""")]
    [InlineData("orders.something_else.x", """{}""")]
    [InlineData("weird.key", """{}""")]
    public void Decode_WhatCanNeverBeHandled_IsUnreadable(string routingKey, string body)
    {
        Assert.Throws<InvalidDataException>(() => PlainIntegrationEventReader.Decode(routingKey, Encoding.UTF8.GetBytes(body), "m", "c", Now));
    }
}
