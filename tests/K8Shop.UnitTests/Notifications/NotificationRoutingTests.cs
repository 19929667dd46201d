using K8Shop.Contracts.Events;
using K8Shop.Contracts.Notifications;
using K8Shop.Grains.Notifications;

namespace K8Shop.UnitTests.Notifications;

public sealed class NotificationRoutingTests
{
    private static OrderEvent Order(string name) => new()
    {
        MessageId = "m-" + name, CorrelationId = "o-1", OccurredAt = DateTimeOffset.UnixEpoch, Event = name, OrderId = "o-1", UserId = "ana",
        Status = "x", Items = [new OrderEventLine("book-001", 2, 10m, 20m, "Title")], Total = 20m, ItemCount = 2, CreatedAt = "t",
    };

    [Theory]
    [InlineData("order.confirmed", NotificationTemplate.OrderConfirmed)]
    [InlineData("order.shipped", NotificationTemplate.OrderShipped)]
    public void OrderEvents_NotifyTheirUser_UnderTheirMessageId(string name, NotificationTemplate template)
    {
        var plan = NotificationRouting.Plan(Order(name));

        var (userId, request) = Assert.Single(plan.Notify);
        Assert.Equal(("ana", "m-" + name, template, "o-1", 20m), (userId, request.MessageId, request.Template, request.OrderId, request.Total));
        Assert.Equal(new NotificationLine("book-001", "Title", 2, 10m, 20m), Assert.Single(request.Lines));
    }

    [Theory]
    [InlineData("order.created")]
    [InlineData("order.cancelled")]
    [InlineData("order.rejected")]
    public void OtherOrderEvents_NotifyNobody_ButLookAtTheirSkusAgain(string name)
    {
        var plan = NotificationRouting.Plan(Order(name));

        Assert.Empty(plan.Notify);
        Assert.Equal(["BOOK-001"], plan.SkusToCheck.ToArray());
    }

    [Fact]
    public void PaymentFailed_NotifiesTheUser_PaymentSucceededDoesNot()
    {
        PaymentEvent Payment(string status) => new()
        {
            MessageId = "p", CorrelationId = "o-1", OccurredAt = DateTimeOffset.UnixEpoch, OrderId = "o-1", Status = status,
            PaymentId = "pay", UserId = "ana", Amount = 5m, Reason = "card_declined",
        };

        var (userId, request) = Assert.Single(NotificationRouting.Plan(Payment("payment.failed")).Notify);
        Assert.Equal(("ana", NotificationTemplate.PaymentFailed, "card_declined", 5m), (userId, request.Template, request.Reason, request.Total));
        Assert.Same(NotificationPlan.Nothing, NotificationRouting.Plan(Payment("payment.succeeded")));
    }

    [Fact]
    public void InventoryAndProductEvents_LookAtTheirSkus()
    {
        var low = new InventoryLowEvent { MessageId = "l", CorrelationId = "BOOK-2", OccurredAt = DateTimeOffset.UnixEpoch, Sku = "book-2", Threshold = 5, Current = 0 };
        var product = new ProductEvent
        {
            MessageId = "p", CorrelationId = "BOOK-3", OccurredAt = DateTimeOffset.UnixEpoch, Event = "product.updated", Id = "id", Sku = "BOOK-3",
            Title = "t", Price = 1m, Tags = [],
        };

        Assert.Equal(["BOOK-2"], NotificationRouting.Plan(low).SkusToCheck.ToArray());
        Assert.Equal(["BOOK-3"], NotificationRouting.Plan(product).SkusToCheck.ToArray());
    }
}
