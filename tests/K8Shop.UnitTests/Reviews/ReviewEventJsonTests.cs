using System.Text.Json;
using K8Shop.Contracts.Events;

namespace K8Shop.UnitTests.Reviews;

/// <summary>The review events' JSON, as AMQP consumers (recommendations, analytics) read it.</summary>
public sealed class ReviewEventJsonTests
{
    [Fact]
    public void A_review_event_carries_its_ids_sku_shopper_and_rating_and_round_trips()
    {
        var reviewId = Guid.NewGuid();
        var @event = new ReviewEvent
        {
            MessageId = "m-1",
            CorrelationId = "BOOK-001",
            OccurredAt = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero),
            Event = ReviewEvent.Hidden,
            ReviewId = reviewId,
            Sku = "BOOK-001",
            UserId = "ana",
            Rating = 2,
            IsHidden = true,
        };

        var json = JsonDocument.Parse(JsonSerializer.Serialize(@event)).RootElement;
        var back = JsonSerializer.Deserialize<ReviewEvent>(json.GetRawText());

        string[] fields = ["message_id", "correlation_id", "occurred_at", "event", "version", "reviewId", "sku", "userId", "rating", "hidden", "occurredAt", "messageId"];
        Assert.Equal(fields.Order(StringComparer.Ordinal), json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal((reviewId.ToString(), "review.hidden", true), (json.GetProperty("reviewId").GetString(), json.GetProperty("event").GetString(), json.GetProperty("hidden").GetBoolean()));
        Assert.Equal(@event, back);
        Assert.Equal(("review.hidden", "review"), (@event.RoutingKey, @event.StreamNamespace));
    }
}
