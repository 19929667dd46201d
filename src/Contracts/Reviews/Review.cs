using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;

namespace K8Shop.Contracts.Reviews;

/// <summary>
/// One shopper's rating and review of one book (at most one per shopper and book). <see cref="Text"/> is plain text
/// as the shopper wrote it, trimmed; clients render it as text. <see cref="Reviewer"/> is the shopper's display name
/// when the review was last written, never an e-mail address.
/// </summary>
[GenerateSerializer, Immutable, Alias("k8shop.reviews.Review")]
public sealed record Review(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Sku,
    [property: Id(2)] string UserId,
    [property: Id(3)] string Reviewer,
    [property: Id(4)] int Rating,
    [property: Id(5)] string Text,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] bool Hidden,
    [property: Id(9)] int Helpful);

/// <summary>What a shopper writes: the rating and the text, for the book the grain is keyed by.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.reviews.ReviewDraft")]
public sealed record ReviewDraft(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Reviewer,
    [property: Id(2)] int Rating,
    [property: Id(3)] string Text);

/// <summary>The review as stored, and whether this write created it (else it edited the shopper's earlier one).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.reviews.ReviewWritten")]
public sealed record ReviewWritten([property: Id(0)] Review Review, [property: Id(1)] bool Created);

public enum ReviewSort
{
    Newest = 0,
    Helpful = 1,
}

/// <summary>A page of a book's visible reviews, as <paramref name="Viewer"/> (a signed-in shopper, or null) sees it.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.reviews.ReviewListRequest")]
public sealed record ReviewListRequest(
    [property: Id(0)] string? Viewer,
    [property: Id(1)] ReviewSort Sort,
    [property: Id(2)] int Skip,
    [property: Id(3)] int Take);

/// <summary>
/// A book's summary and one page of its visible reviews; <see cref="Mine"/> is the viewer's own review (hidden or
/// not) and <see cref="CanReview"/> says the viewer bought the book.
/// </summary>
[GenerateSerializer, Immutable, Alias("k8shop.reviews.ReviewPage")]
public sealed record ReviewPage(
    [property: Id(0)] BookRatingSummary Summary,
    [property: Id(1)] ImmutableArray<Review> Items,
    [property: Id(2)] int Total,
    [property: Id(3)] Review? Mine,
    [property: Id(4)] bool CanReview);

/// <summary>A page of reviews across books, for moderation.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.reviews.ReviewListPage")]
public sealed record ReviewListPage([property: Id(0)] ImmutableArray<Review> Items, [property: Id(1)] int Total);
