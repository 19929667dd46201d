using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace K8Shop.Gateways.Errors;

/// <summary>
/// RFC 7807 problem details that also carry the key the original clients read: <c>error</c> on catalog and
/// notification routes, <c>detail</c> (always present in a problem) on cart, order and inventory routes.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult WithError(int status, string error, string? detail = null) =>
        TypedResults.Problem(
            detail: detail ?? error,
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["error"] = error });

    /// <summary>A 400 naming each bad field and why, plus a one-line <c>error</c> summary.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            detail: Summarize(errors),
            extensions: new Dictionary<string, object?> { ["error"] = Summarize(errors) });

    public static ValidationProblem Invalid(string field, string reason) =>
        Invalid(new Dictionary<string, string[]> { [field] = [reason] });

    /// <summary>A 422 naming each bad field and why, as the original FastAPI services answered validation errors.</summary>
    public static ProblemHttpResult Unprocessable(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = Summarize(errors),
        });

    public static string Summarize(IEnumerable<KeyValuePair<string, string[]>> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}"));
}
