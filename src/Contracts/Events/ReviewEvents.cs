using System.Text.Json.Serialization;

namespace K8Shop.Contracts.Events;

/// <summary>
/// <c>reviews.review_created</c> / <c>reviews.review_hidden</c> (and <c>_updated</c>, <c>_deleted</c>): a shopper's rating of
/// a book, on the order events' naming scheme, in stream namespace <c>reviews</c>. Never the review's text.
/// </summary>
[GenerateSerializer, Alias("k8shop.events.ReviewEvent")]
public sealed record ReviewEvent : IntegrationEvent
{
    public const string Created = "review.created";
    public const string Updated = "review.updated";
    public const string Hidden = "review.hidden";
    public const string Deleted = "review.deleted";

    /// <summary>The stream namespace review events travel in: their routing keys' first segment.</summary>
    public const string StreamNamespaceName = "reviews";

    /// <summary><see cref="Created"/>, <see cref="Updated"/>, <see cref="Hidden"/> or <see cref="Deleted"/>.</summary>
    [Id(0), JsonPropertyName("event")]
    public required string Event { get; init; }

    [Id(1), JsonPropertyName("reviewId")]
    public required string ReviewId { get; init; }

    [Id(2), JsonPropertyName("sku")]
    public required string Sku { get; init; }

    [Id(3), JsonPropertyName("userId")]
    public required string UserId { get; init; }

    /// <summary>1 to 5 stars.</summary>
    [Id(4), JsonPropertyName("rating")]
    public required int Rating { get; init; }

    [JsonIgnore]
    public override string RoutingKey => StreamNamespaceName + "." + Event.Replace("review.", "review_", StringComparison.Ordinal);
}
