namespace K8Shop.Gateways.Security;

/// <summary>
/// The headers every response carries (section <c>SecurityHeaders</c>). Scripts only from this origin, never inline
/// (the storefront is built by Vite into external scripts). Styles allow 'unsafe-inline' for style attributes, which
/// server-rendered pages (the identity provider's) may use; React sets styles through the CSSOM, which CSP does not
/// block. <c>frame-ancestors 'self'</c> lets the storefront frame its own silent token renewal and no other site frame
/// the shop. The Orleans dashboard (<see cref="DashboardPath"/>) draws its charts with inline styles, data: images and
/// fonts, so it gets <see cref="DashboardContentSecurityPolicy"/>, still without inline scripts.
/// </summary>
public sealed class SecurityHeadersOptions
{
    public const string SectionName = "SecurityHeaders";

    public string ContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public string DashboardPath { get; set; } = "/dashboard";

    public string DashboardContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public string ReferrerPolicy { get; set; } = "strict-origin-when-cross-origin";

    /// <summary>Sent only on HTTPS requests (not to localhost), as <c>UseHsts</c> does.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    public IEnumerable<string> Validate()
    {
        foreach (var (name, policy) in new[] { ("ContentSecurityPolicy", ContentSecurityPolicy), ("DashboardContentSecurityPolicy", DashboardContentSecurityPolicy) })
        {
            if (string.IsNullOrWhiteSpace(policy) || policy.Contains('\n') || policy.Contains('\r'))
                yield return $"{SectionName}:{name} must be one non-empty line.";
            else if (ScriptSources(policy).Contains("'unsafe-inline'"))
                yield return $"{SectionName}:{name} must not allow 'unsafe-inline' scripts.";
        }
        if (!DashboardPath.StartsWith('/'))
            yield return $"{SectionName}:DashboardPath must start with '/'.";
        if (HstsMaxAge < TimeSpan.Zero)
            yield return $"{SectionName}:HstsMaxAge must not be negative.";
    }

    // The directive that governs scripts: script-src if present, else default-src.
    private static string[] ScriptSources(string policy)
    {
        var directives = policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(d => d.Length > 0)
            .ToDictionary(d => d[0].ToLowerInvariant(), d => d[1..], StringComparer.Ordinal);
        return directives.GetValueOrDefault("script-src") ?? directives.GetValueOrDefault("default-src") ?? [];
    }
}
