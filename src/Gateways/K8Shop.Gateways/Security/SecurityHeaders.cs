using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace K8Shop.Gateways.Security;

/// <summary>
/// Adds the security headers to every response, API, storefront, dashboard and error alike: set when the response
/// starts, so an exception handler that clears the headers of a failed response still sends them.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<SecurityHeadersOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (context, options) = ((HttpContext, SecurityHeadersOptions))state;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(options.DashboardPath)
                ? options.DashboardContentSecurityPolicy
                : options.ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Referrer-Policy"] = options.ReferrerPolicy;
            return Task.CompletedTask;
        }, (context, options.Value));
        return next(context);
    }
}
