using System.Security.Cryptography;
using System.Text;
using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace K8Shop.Gateways.Admin;

/// <summary>Marks an endpoint as admin-only; <see cref="AdminKeyMiddleware"/> enforces it.</summary>
public sealed class RequiresAdminKeyAttribute : Attribute;

/// <summary>
/// Lets a request reach an admin endpoint only with the configured key: 404 when admin is off, 401 without a
/// key, 403 with a wrong one. It runs before the endpoint binds its body, so a caller without the key learns
/// nothing about the payload rules.
/// </summary>
public sealed class AdminKeyMiddleware(RequestDelegate next, IOptionsMonitor<AdminOptions> options)
{
    public const string HeaderName = "X-Admin-Key";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequiresAdminKeyAttribute>() is null)
        {
            await next(context);
            return;
        }

        var admin = options.CurrentValue;
        IResult? rejection = null;
        if (!admin.Enabled)
        {
            rejection = Problems.WithError(StatusCodes.Status404NotFound, "admin routes are disabled", "set Admin__ApiKey on the gateway to enable the /products admin routes");
        }
        else if (PresentedKey(context.Request) is not { } presented)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"k8shop-admin\"";
            rejection = Problems.WithError(StatusCodes.Status401Unauthorized, "admin credential required", $"send the admin key as 'Authorization: Bearer <key>' or '{HeaderName}: <key>'");
        }
        else if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(admin.ApiKey!)))
        {
            rejection = Problems.WithError(StatusCodes.Status403Forbidden, "admin credential rejected", "the admin key presented is not the configured one");
        }

        if (rejection is null)
            await next(context);
        else
            await rejection.ExecuteAsync(context);
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
