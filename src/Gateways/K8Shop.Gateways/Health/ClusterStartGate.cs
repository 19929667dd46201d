using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace K8Shop.Gateways.Health;

/// <summary>
/// Whether the host has finished starting, Orleans included. A standalone gateway listens before its client has
/// reached a silo; until then grain calls cannot even be addressed, so requests get a 503 that says to retry
/// instead of a 500, and readiness says why it is not ready.
/// </summary>
public sealed class ClusterStartGate(IHostApplicationLifetime lifetime)
{
    public bool IsOpen => lifetime.ApplicationStarted.IsCancellationRequested;
}

/// <summary>
/// Answers 503 (Retry-After: 1) on every mapped route but <c>/health/*</c> while the <see cref="ClusterStartGate"/> is
/// shut; a path no module maps still gets its 404.
/// </summary>
public sealed class ClusterStartGateMiddleware(RequestDelegate next, ClusterStartGate gate)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (gate.IsOpen || context.GetEndpoint() is null || context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }
        context.Response.Headers.RetryAfter = "1";
        await Problems.WithError(StatusCodes.Status503ServiceUnavailable, "service unavailable",
            "the gateway has not reached the shop's cluster yet; retry shortly").ExecuteAsync(context);
    }
}
