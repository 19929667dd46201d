using K8Shop.Contracts.Cart;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Faults;
using K8Shop.Contracts.Identity;
using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;
using K8Shop.Contracts.Reviews;
using K8Shop.Contracts.Rules;
using K8Shop.Contracts.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace K8Shop.Gateways.Errors;

/// <summary>The one place where failures from grains and request parsing become HTTP answers.</summary>
public sealed partial class GatewayExceptionHandler(IProblemDetailsService problems, ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var cause = GrainFailures.Cause(exception);
        var (status, error, detail, errors) = Classify(cause);
        if (status == StatusCodes.Status500InternalServerError)
            LogUnexpected(exception, context.Request.Path);
        else if (status >= 500)
            LogUnavailable(context.Request.Path, exception.GetType().Name, exception.Message);

        var problem = errors is null
            ? new ProblemDetails { Status = status, Detail = detail }
            : new HttpValidationProblemDetails(errors) { Status = status, Detail = detail };
        problem.Extensions["error"] = error;
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = "5";
        // A version conflict, not an outage: the grain reloads what is stored, so the same request may pass a moment later.
        if (cause is Orleans.Storage.InconsistentStateException)
            context.Response.Headers.RetryAfter = "1";
        if (cause is InventoryBusyException busy)
            context.Response.Headers.RetryAfter = busy.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static (int Status, string Error, string Detail, IDictionary<string, string[]>? Errors) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException bad => (bad.StatusCode, "invalid request", Describe(bad), null),
        InvalidProductException invalid => (400, Problems.Summarize(invalid.Errors), Problems.Summarize(invalid.Errors), invalid.Errors),
        DuplicateSkuException duplicate => (409, duplicate.Message, duplicate.Message, new Dictionary<string, string[]> { ["sku"] = ["is already used by another product"] }),
        StorageUnavailableException store => (503, store.Message, store.Message, null),
        InventoryRuleException { NotFound: true } unknown => (404, unknown.Message, unknown.Message, null),
        FaultInjectedException injected => (503, "service unavailable", $"failed on purpose (fault switch {injected.Fault}); retry shortly", null),
        UnknownFaultException unknown => (404, unknown.Message, unknown.Message, null),
        FaultSettingException bad => (400, bad.Message, bad.Message, new Dictionary<string, string[]> { [bad.Field] = [bad.Reason] }),
        FieldRuleException rule => (422, rule.Message, rule.Message, new Dictionary<string, string[]> { [rule.Field] = [rule.Reason] }),
        InventoryBusyException busy => (429, "busy", busy.Message, null),
        NotVerifiedBuyerException => (403, "forbidden", NotVerifiedBuyerException.Reason, null),
        ReviewNotFoundException missing => (404, missing.Message, missing.Message, null),
        ReviewConflictException conflict => (409, conflict.Message, conflict.Message, null),
        NotOwnerException => (403, "forbidden", "this resource belongs to another shopper", null),
        OrderNotFoundException missing => (404, missing.Message, missing.Message, null),
        OrderStateException state => (409, state.Message, state.Message, null),
        IdempotencyConflictException conflict => (422, conflict.Message, conflict.Message, new Dictionary<string, string[]> { ["Idempotency-Key"] = ["was already used for a different request"] }),
        PaymentConflictException conflict => (409, conflict.Message, conflict.Message, null),
        PaymentStateException { NotFound: true } missing => (404, missing.Message, missing.Message, null),
        PaymentStateException state => (409, state.Message, state.Message, null),
        Orleans.Storage.InconsistentStateException => (409, "concurrent update", "the record changed under this request; retry", null),
        CatalogUnavailableException down => (503, "catalog unavailable", down.Message + "; retry shortly", null),
        _ when GrainFailures.IsClusterUnavailable(exception) =>
            (503, "service unavailable", "the shop's backend did not answer in time; retry shortly", null),
        _ => (500, "internal error", "an unexpected error occurred; it has been logged", null),
    };

    // A JSON parse error names the field (path) and the reason; pass both on, without .NET type names.
    private static string Describe(BadHttpRequestException bad) => BadRequestDescriptions.Describe(bad);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Path} failed unexpectedly")]
    private partial void LogUnexpected(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Path} failed with {ExceptionType}: {Reason}")]
    private partial void LogUnavailable(string path, string exceptionType, string reason);
}
