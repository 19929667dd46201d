using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace K8Shop.Gateways.Security;

/// <summary>Who a request is counted against: the general limit (user or address) and the credential endpoints' limit (address).</summary>
public static class RateLimitPartitions
{
    /// <summary>The named policy the identity provider may attach to its endpoints; the path-based limit already covers its own prefixes.</summary>
    public const string AuthStrictPolicy = "auth-strict";

    private static readonly RateLimitPartition<string> Unlimited = RateLimitPartition.GetNoLimiter("unlimited");

    /// <summary>Authenticated callers per <c>sub</c>, others (and uncounted roles) per client address; health probes never.</summary>
    public static RateLimitPartition<string> General(HttpContext context, RateLimitOptions limits)
    {
        // Credential POSTs have their own, stricter budget (AuthPaths); counting them here too would only waste this one.
        if (!limits.Enabled || context.Request.Path.StartsWithSegments("/health") || (limits.Auth.PermitLimit > 0 && IsAuthPost(context.Request, limits.Auth)))
            return Unlimited;
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && Subject(user) is { Length: > 0 } subject
            && !limits.UncountedRoles.Any(role => user.IsInRole(role) || user.HasClaim("role", role)))
            return Window("user:" + subject, limits.PerUser);
        return Window("address:" + Address(context), limits.PerAddress);
    }

    /// <summary>POSTs to a credential endpoint (token, sign-in, sign-up, password reset), per client address.</summary>
    public static RateLimitPartition<string> AuthPaths(HttpContext context, RateLimitOptions limits) =>
        limits.Enabled && IsAuthPost(context.Request, limits.Auth) ? Window("auth:" + Address(context), limits.Auth) : Unlimited;

    /// <summary>
    /// The <see cref="AuthStrictPolicy"/> policy for an endpoint outside the configured prefixes; inside them the
    /// path-based limit has already counted the request, and counting it twice would halve the limit.
    /// </summary>
    public static RateLimitPartition<string> AuthPolicy(HttpContext context, RateLimitOptions limits) =>
        !limits.Enabled || IsAuthPost(context.Request, limits.Auth) ? Unlimited : Window("auth-policy:" + Address(context), limits.Auth);

    private static bool IsAuthPost(HttpRequest request, AuthRateLimitOptions auth) =>
        HttpMethods.IsPost(request.Method)
        && auth.PathPrefixes.Any(prefix => request.Path.Value?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true);

    private static RateLimitPartition<string> Window(string key, WindowLimit limit) =>
        limit.PermitLimit == 0
            ? Unlimited
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });

    // JwtBearer maps "sub" to NameIdentifier unless inbound claim mapping is off; either names the same caller.
    private static string? Subject(ClaimsPrincipal user) =>
        user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    private static string Address(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
