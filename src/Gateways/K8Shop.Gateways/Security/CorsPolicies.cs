using K8Shop.Gateways.Catalog;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace K8Shop.Gateways.Security;

/// <summary>
/// Cross-origin access: only the origins in <c>Cors:AllowedOrigins</c> (none by default: the storefront is served from
/// the gateway's own origin), on every route. The original let any origin read the catalog
/// (<see cref="CatalogApi.CorsPolicy"/>); that stays only in <c>Auth:Mode=open</c>, where the original's clients
/// must keep working, and never with credentials.
/// </summary>
public static class CorsPolicies
{
    public const string SectionName = "Cors";

    public static readonly string[] ExposedHeaders = ["Retry-After", "Location", "ETag"];

    public static void Configure(CorsOptions cors, IConfiguration configuration)
    {
        var origins = AllowedOrigins(configuration);
        cors.AddDefaultPolicy(policy => policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders(ExposedHeaders));
        cors.AddPolicy(CatalogApi.CorsPolicy, policy =>
        {
            if (IsOpenMode(configuration))
                policy.AllowAnyOrigin();
            else
                policy.WithOrigins(origins);
            policy.AllowAnyHeader().WithMethods("GET", "HEAD");
        });
    }

    /// <summary>The configured origins, each an absolute http(s) origin; anything else stops the host naming the key.</summary>
    public static string[] AllowedOrigins(IConfiguration configuration)
    {
        var origins = configuration.GetSection($"{SectionName}:AllowedOrigins").Get<string[]>() ?? [];
        foreach (var origin in origins)
        {
            if (origin == "*" || !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.AbsolutePath != "/" || origin.EndsWith('/'))
                throw new InvalidOperationException(
                    $"{SectionName}:AllowedOrigins has '{origin}': each entry must be an origin such as https://shop.example.com (scheme, host, optional port; no path, no '*').");
        }
        return origins;
    }

    private static bool IsOpenMode(IConfiguration configuration) =>
        string.Equals(configuration["Auth:Mode"], "open", StringComparison.OrdinalIgnoreCase);
}
