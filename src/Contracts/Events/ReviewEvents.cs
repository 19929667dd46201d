using System.Text.Json.Serialization;

namespace K8Shop.Contracts.Events;

/// <summary>
/// <c>review.created</c>, <c>review.updated</c>, <c>review.hidden</c>, <c>review.shown</c>, <c>review.deleted</c>: a
/// book's review changed (never its text). Published to the <c>orders</c> exchange under the event's name as routing
/// key (the silo also routes them to a <c>reviews</c> topic exchange), on Orleans stream namespace <c>review</c> keyed
/// by the book's SKU.
/// </summary>
[GenerateSerializer, Alias("k8shop.events.ReviewEvent")]
public sealed record ReviewEvent : IntegrationEvent
{
    public const string Created = "review.created";
    public const string Updated = "review.updated";
    public const string Hidden = "review.hidden";
    public const string Shown = "review.shown";
    public const string Deleted = "review.deleted";

    /// <summary>The Orleans stream namespace every review event is on (the key is the SKU).</summary>
    public const string StreamNamespaceName = "review";

    [Id(0), JsonPropertyName("event")]
    public required string Event { get; init; }

    [JsonPropertyName("version")]
    public int Version => 1;

    [Id(1), JsonPropertyName("reviewId")]
    public required Guid ReviewId { get; init; }

    [Id(2), JsonPropertyName("sku")]
    public required string Sku { get; init; }

    [Id(3), JsonPropertyName("userId")]
    public required string UserId { get; init; }

    [Id(4), JsonPropertyName("rating")]
    public required int Rating { get; init; }

    /// <summary>Whether the review is hidden now (after <c>review.hidden</c>, true).</summary>
    [Id(5), JsonPropertyName("hidden")]
    public required bool IsHidden { get; init; }

    [JsonPropertyName("occurredAt")]
    public DateTimeOffset OccurredAtCamel => OccurredAt;

    [JsonPropertyName("messageId")]
    public string MessageIdCamel => MessageId;

    [JsonIgnore]
    public override string RoutingKey => Event;
}
