using System.Collections.Immutable;
using System.Text.Json.Serialization;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Reviews;
using K8Shop.Gateways.Catalog;

namespace K8Shop.Gateways.Reviews;

/// <summary><c>{"average":4.25,"count":8,"stars":[0,1,1,2,4]}</c>: stars[0] counts the 1-star ratings.</summary>
public sealed record RatingSummaryResponse(double Average, int Count, ImmutableArray<int> Stars)
{
    public static RatingSummaryResponse From(BookRatingSummary summary) => new(Math.Round(summary.Average, 2), summary.Count, summary.Stars);
}

/// <summary>
/// One review as clients see it. <c>text</c> is plain text (render it as text); <c>verifiedPurchase</c> is true for
/// every review, as only buyers can write one; <c>hidden</c> appears only on a hidden review (the author's own, or an
/// admin's list), <c>sku</c> only in the admin's list, which spans books.
/// </summary>
public sealed record ReviewItemResponse(
    string Id,
    int Rating,
    string Text,
    string Reviewer,
    string CreatedAt,
    string UpdatedAt,
    bool VerifiedPurchase,
    int Helpful,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Hidden,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sku)
{
    public static ReviewItemResponse From(Review review, bool withSku = false) => new(
        review.Id.ToString("D"), review.Rating, review.Text, review.Reviewer,
        Timestamps.JavaScriptIso(review.CreatedAt), Timestamps.JavaScriptIso(review.UpdatedAt),
        VerifiedPurchase: true, review.Helpful, review.Hidden, withSku ? review.Sku : null);
}

public sealed record ReviewListResponse(
    string Sku,
    RatingSummaryResponse Summary,
    IReadOnlyList<ReviewItemResponse> Items,
    int Total,
    int Page,
    int PageSize,
    ReviewItemResponse? Mine,
    bool CanReview);

public sealed record HelpfulResponse(int Helpful);

public sealed record ModerationListResponse(IReadOnlyList<ReviewItemResponse> Items, int Total, int Page, int PageSize);

/// <summary><c>PUT /catalog/{id}/reviews/mine</c>: a rating (a whole number, checked at the edge) and the text.</summary>
public sealed record ReviewRequest(decimal? Rating, string? Text);

/// <summary><c>PUT /admin/reviews/{reviewId}/hidden</c>.</summary>
public sealed record ReviewHiddenRequest(bool? Hidden);
