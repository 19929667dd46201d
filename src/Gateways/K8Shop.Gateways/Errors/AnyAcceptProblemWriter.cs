using Microsoft.AspNetCore.Http;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace K8Shop.Gateways.Errors;

/// <summary>
/// Writes a problem as <c>application/problem+json</c> when the framework's writer declines because the request's
/// <c>Accept</c> excludes JSON (<c>text/html</c>, <c>image/png</c>). An API has one error format, and the status is
/// the answer: without this the exception handler found no writer and a 400 became a 500. Registered after the
/// framework's writer, so it only answers what that one refuses.
/// </summary>
public sealed class AnyAcceptProblemWriter(IOptions<JsonOptions> json, IOptions<ProblemDetailsOptions> problems) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var problem = context.ProblemDetails;
        problem.Status ??= response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value) is { Length: > 0 } phrase ? phrase : null;
        problems.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(response.WriteAsJsonAsync<object>(problem, json.Value.SerializerOptions, "application/problem+json", context.HttpContext.RequestAborted));
    }
}
