using System.Globalization;
using System.Security.Claims;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Reviews;
using K8Shop.Contracts.Rules;
using K8Shop.Gateways.Auth;
using K8Shop.Gateways.Catalog;
using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace K8Shop.Gateways.Reviews;

/// <summary>
/// Ratings and reviews of a book: anyone reads them; a signed-in shopper who bought the book writes, edits and deletes
/// their own and votes others' helpful; an admin hides and lists them. Also under /api as the other routes.
/// </summary>
public static class ReviewsApi
{
    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        Map(app, "");
        Map(app.MapGroup("/api").ExcludeFromDescription(), "Edge");
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, string suffix)
    {
        var book = app.MapGroup("/catalog/{id}/reviews").WithTags("Reviews");
        book.MapGet("", List).WithName("ListBookReviews" + suffix).WithSummary("A book's rating summary and reviews, with the caller's own")
            .RequireCors(CatalogApi.CorsPolicy).RequireAuthorization(AuthPolicies.OptionalShopper)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);
        book.MapPut("/mine", Put).WithName("PutMyReview" + suffix).WithSummary("Writes or edits the caller's review of a book they bought")
            .RequireAuthorization(AuthPolicies.Account).Produces<ReviewItemResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        book.MapDelete("/mine", Delete).WithName("DeleteMyReview" + suffix).WithSummary("Deletes the caller's review of a book")
            .RequireAuthorization(AuthPolicies.Account).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/reviews/{reviewId}/helpful", VoteHelpful).WithName("VoteReviewHelpful" + suffix).WithTags("Reviews")
            .WithSummary("Counts the caller's helpful vote on another shopper's review, once").RequireAuthorization(AuthPolicies.Account)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        var admin = app.MapGroup("/admin/reviews").WithTags("Reviews").RequireAuthorization(AuthPolicies.Admin);
        admin.MapGet("", ListForModeration).WithName("ListReviewsForModeration" + suffix).WithSummary("Reviews of every book, newest first (admin)")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapPut("/{reviewId}/hidden", SetHidden).WithName("SetReviewHidden" + suffix).WithSummary("Hides a review or shows it again (admin)")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<ReviewListResponse>, ProblemHttpResult, ValidationProblem>> List(
        IGrainFactory grains, HttpContext http, string id, string? sort, string? page, string? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        var order = sort switch
        {
            null or "" or "newest" => ReviewSort.Newest,
            "helpful" => ReviewSort.Helpful,
            _ => Refuse(errors, "sort", "must be 'newest' or 'helpful'", ReviewSort.Newest),
        };
        var number = QueryNumbers.Whole(page, "page", 1, 1, ShopLimits.Paging.MaxPage, errors);
        var size = QueryNumbers.Whole(pageSize, "pageSize", ShopLimits.Reviews.DefaultPageSize, 1, ShopLimits.Reviews.MaxPageSize, errors);
        if (!ProductRules.IsProductId(id))
            errors["id"] = [ProductRules.ProductIdRule];
        if (errors.Count > 0)
            return Problems.Unprocessable(errors);
        if (await SkuOf(grains, id) is not { } sku)
            return UnknownBook(id);

        var result = await grains.GetGrain<IBookReviewsGrain>(sku).ListAsync(new ReviewListRequest(Subject(http.User), order, (number - 1) * size, size));
        return TypedResults.Ok(new ReviewListResponse(sku, RatingSummaryResponse.From(result.Summary), [.. result.Items.Select(r => ReviewItemResponse.From(r))],
            result.Total, number, size, result.Mine is { } mine ? ReviewItemResponse.From(mine) : null, result.CanReview));
    }

    public static async Task<Results<Created<ReviewItemResponse>, Ok<ReviewItemResponse>, ProblemHttpResult>> Put(
        IGrainFactory grains, HttpContext http, string id, ReviewRequest request)
    {
        if (Subject(http.User) is not { } userId)
            return SignInFirst();
        var errors = new Dictionary<string, string[]>();
        if (!ProductRules.IsProductId(id))
            errors["id"] = [ProductRules.ProductIdRule];
        var rating = 0;
        if (request.Rating is not { } asked)
            errors["rating"] = ["Field required"];
        else if (decimal.Truncate(asked) != asked || ReviewRules.CheckRating(asked is >= int.MinValue and <= int.MaxValue ? (int)asked : 0) is not null)
            errors["rating"] = [ReviewRules.RatingRule];
        else
            rating = (int)asked;
        var (text, broken) = ReviewRules.CheckText(request.Text);
        if (request.Text is null)
            errors["text"] = ["Field required"];
        else if (broken is not null)
            errors["text"] = [broken];
        if (errors.Count > 0)
            return Problems.Unprocessable(errors);
        if (await SkuOf(grains, id) is not { } sku)
            return UnknownBook(id);

        var reviewer = ReviewRules.Reviewer(http.User.FindFirstValue("name"));
        var written = await grains.GetGrain<IBookReviewsGrain>(sku).PutAsync(new ReviewDraft(userId, reviewer, rating, text));
        var item = ReviewItemResponse.From(written.Review);
        return written.Created ? TypedResults.Created($"/catalog/{sku}/reviews/mine", item) : TypedResults.Ok(item);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(IGrainFactory grains, HttpContext http, string id)
    {
        if (Subject(http.User) is not { } userId)
            return SignInFirst();
        if (!ProductRules.IsProductId(id))
            return Problems.Unprocessable(new Dictionary<string, string[]> { ["id"] = [ProductRules.ProductIdRule] });
        if (await SkuOf(grains, id) is not { } sku)
            return UnknownBook(id);
        return await grains.GetGrain<IBookReviewsGrain>(sku).DeleteAsync(userId)
            ? TypedResults.NoContent()
            : TypedResults.Problem(detail: "you have no review of this book", statusCode: StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<HelpfulResponse>, ProblemHttpResult>> VoteHelpful(IGrainFactory grains, HttpContext http, string reviewId)
    {
        if (Subject(http.User) is not { } userId)
            return SignInFirst();
        if (!Guid.TryParse(reviewId, out var review))
            return Problems.Unprocessable(new Dictionary<string, string[]> { ["reviewId"] = ["must be a review's UUID"] });
        return TypedResults.Ok(new HelpfulResponse(await grains.GetGrain<IReviewDirectoryGrain>(0).VoteHelpfulAsync(review, userId)));
    }

    public static async Task<Results<Ok<ReviewItemResponse>, ProblemHttpResult>> SetHidden(IGrainFactory grains, string reviewId, ReviewHiddenRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(reviewId, out var review))
            errors["reviewId"] = ["must be a review's UUID"];
        if (request.Hidden is null)
            errors["hidden"] = ["Field required: true hides the review, false shows it again"];
        if (errors.Count > 0)
            return Problems.Unprocessable(errors);
        return TypedResults.Ok(ReviewItemResponse.From(await grains.GetGrain<IReviewDirectoryGrain>(0).SetHiddenAsync(review, request.Hidden!.Value), withSku: true));
    }

    public static async Task<Results<Ok<ModerationListResponse>, ProblemHttpResult>> ListForModeration(
        IGrainFactory grains, string? hidden, string? page, string? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        bool? onlyHidden = hidden switch
        {
            null or "" => null,
            "true" => true,
            "false" => false,
            _ => Refuse<bool?>(errors, "hidden", "must be 'true' or 'false'", null),
        };
        var number = QueryNumbers.Whole(page, "page", 1, 1, ShopLimits.Paging.MaxPage, errors);
        var size = QueryNumbers.Whole(pageSize, "pageSize", ShopLimits.Reviews.MaxPageSize, 1, ShopLimits.Reviews.MaxPageSize, errors);
        if (errors.Count > 0)
            return Problems.Unprocessable(errors);
        var result = await grains.GetGrain<IReviewDirectoryGrain>(0).ListAsync(onlyHidden, (number - 1) * size, size);
        return TypedResults.Ok(new ModerationListResponse([.. result.Items.Select(r => ReviewItemResponse.From(r, withSku: true))], result.Total, number, size));
    }

    /// <summary>The book's canonical SKU (the reviews grain's key), found by UUID or SKU in any case; null when unknown.</summary>
    private static async Task<string?> SkuOf(IGrainFactory grains, string id) =>
        (await grains.GetGrain<ICatalogGrain>(0).FindAsync(id))?.Sku;

    private static ProblemHttpResult UnknownBook(string id) =>
        Problems.WithError(StatusCodes.Status404NotFound, "not found", $"no product has the id or SKU '{id}'");

    /// <summary>An open-mode gateway lets anyone reach shopper routes; a review still needs a signed-in shopper.</summary>
    private static ProblemHttpResult SignInFirst() =>
        TypedResults.Problem(detail: "sign in to review books", statusCode: StatusCodes.Status401Unauthorized);

    private static string? Subject(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(AuthPolicies.SubjectClaim) is { Length: > 0 } subject ? subject : null;

    private static T Refuse<T>(Dictionary<string, string[]> errors, string field, string reason, T fallback)
    {
        errors[field] = [reason];
        return fallback;
    }
}
