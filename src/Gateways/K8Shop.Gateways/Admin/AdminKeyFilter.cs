using System.Security.Cryptography;
using System.Text;
using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace K8Shop.Gateways.Admin;

/// <summary>Lets a request through only with the configured admin key: 404 when admin is off, 401 without a key, 403 with a wrong one.</summary>
public sealed class AdminKeyFilter(IOptionsMonitor<AdminOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Admin-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var admin = options.CurrentValue;
        if (!admin.Enabled)
            return Problems.WithError(StatusCodes.Status404NotFound, "admin routes are disabled", "set Admin__ApiKey on the gateway to enable the /products admin routes");

        var presented = PresentedKey(context.HttpContext.Request);
        if (presented is null)
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"k8shop-admin\"";
            return Problems.WithError(StatusCodes.Status401Unauthorized, "admin credential required", $"send the admin key as 'Authorization: Bearer <key>' or '{HeaderName}: <key>'");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(admin.ApiKey!)))
            return Problems.WithError(StatusCodes.Status403Forbidden, "admin credential rejected", "the admin key presented is not the configured one");

        return await next(context);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7)
            return header[7..].Trim();
        var key = request.Headers[HeaderName].ToString();
        return string.IsNullOrWhiteSpace(key) ? null : key.Trim();
    }
}
