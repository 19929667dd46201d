using System.Text;
using K8Shop.LoadGen.Events;

namespace K8Shop.LoadGen.Tests.Events;

public sealed class ObservedEventTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 24, 6, 0, 1, 250, TimeSpan.Zero);

    [Fact]
    public void OrderEvent_ReadsIdsTimeAndTheCamelCaseOrderAndUser()
    {
        var observed = Parse("orders.order_created",
            """{"event":"order.created","orderId":"o-1","userId":"lg-ab-1","message_id":"m-1","correlation_id":"o-1","occurred_at":"2026-11-24T06:00:01.000123Z"}""");

        Assert.NotNull(observed);
        Assert.Equal(("orders.order_created", "m-1", "o-1", "lg-ab-1"), (observed.RoutingKey, observed.MessageId, observed.OrderId, observed.UserId));
        Assert.Equal(TimeSpan.FromTicks(2_498_770), observed.Delay);
    }

    [Fact]
    public void PaymentEvent_ReadsTheSnakeCaseOrderAndUser()
    {
        var observed = Parse("orders.payment_succeeded",
            """{"order_id":"o-2","user_id":"lg-ab-2","status":"payment.succeeded","message_id":"m-2","occurred_at":"2026-11-24T06:00:01+00:00"}""");

        Assert.Equal(("o-2", "lg-ab-2"), (observed!.OrderId, observed.UserId));
        Assert.Equal(TimeSpan.FromMilliseconds(250), observed.Delay);
    }

    [Fact]
    public void WithoutMessageIdInTheBody_TheAmqpPropertyIsUsed_AndWithoutEitherTheEventIsUnreadable()
    {
        const string body = """{"sku":"BOOK-001","occurred_at":"2026-11-24T06:00:01Z"}""";

        Assert.Equal("prop-1", Parse("inventory.low", body, "prop-1")!.MessageId);
        Assert.Null(Parse("inventory.low", body));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"message_id":"m"}""")]
    [InlineData("""{"message_id":"m","occurred_at":"yesterday"}""")]
    [InlineData("""{"message_id":"m","occurred_at":12345}""")]
    public void BodiesWithoutAReadableIdAndTime_AreUnreadable(string body) => Assert.Null(Parse("orders.order_created", body));

    private static ObservedEvent? Parse(string routingKey, string body, string? property = null) =>
        ObservedEvent.TryParse(routingKey, Encoding.UTF8.GetBytes(body), property, ReceivedAt);
}
