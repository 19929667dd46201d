using System.Globalization;
using System.Threading.RateLimiting;
using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace K8Shop.Gateways.Security;

/// <summary>A rejected request's answer: 429, <c>Retry-After</c> in whole seconds, and a problem naming the wait.</summary>
public static class RateLimitRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problems.WithError(
                StatusCodes.Status429TooManyRequests,
                "too many requests",
                $"this client sent more requests than its limit allows; retry in {seconds} s")
            .ExecuteAsync(context);
    }
}
