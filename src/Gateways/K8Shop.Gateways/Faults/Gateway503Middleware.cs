using K8Shop.Contracts.Faults;
using K8Shop.Faults.Injection;
using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Http;

namespace K8Shop.Gateways.Faults;

/// <summary>
/// The <c>gateway-503</c> fault: a mapped route answers 503 with Retry-After instead of running. Never the fault
/// switches themselves, health, sign-in or the OpenAPI document, so an operator can always see and undo it.
/// </summary>
public sealed class Gateway503Middleware(RequestDelegate next, IFaultInjector faults)
{
    public const string RetryAfterSeconds = "2";

    private static readonly PathString[] Spared =
        [FaultsApi.Path, "/health", "/healthz", "/connect", "/identity", "/.well-known", "/openapi"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!faults.AnyActive || context.GetEndpoint() is null || IsSpared(context.Request.Path)
            || !await faults.FiresAsync(FaultNames.Gateway503, FaultScope.ForUser(context.User.FindFirst(K8Shop.Gateways.Auth.AuthPolicies.SubjectClaim)?.Value), context.RequestAborted))
        {
            await next(context);
            return;
        }
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        await Problems.WithError(StatusCodes.Status503ServiceUnavailable, "service unavailable",
            "the gateway is refusing requests on purpose (fault switch gateway-503); retry shortly").ExecuteAsync(context);
    }

    private static bool IsSpared(PathString path) => Spared.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
