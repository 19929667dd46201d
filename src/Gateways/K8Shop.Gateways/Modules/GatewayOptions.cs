using Microsoft.Extensions.Configuration;

namespace K8Shop.Gateways.Modules;

/// <summary>
/// Which of the original services a gateway serves; bound from section <c>Gateway</c> (env <c>Gateway__Modules</c>,
/// a comma list such as <c>catalog</c> or <c>orders,payments</c>). Empty or absent serves every module.
/// </summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";
    public const string ModulesKey = "Gateway:Modules";

    public string? Modules { get; set; }

    /// <summary>The modules to serve; an unknown name fails with the key, the name and the allowed values.</summary>
    public IReadOnlySet<string> Resolve()
    {
        var names = (Modules ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
            return GatewayModules.All;
        var unknown = names.Where(n => !GatewayModules.All.Contains(n)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException(
                $"{ModulesKey} (env Gateway__Modules) names unknown module(s) {string.Join(", ", unknown.Select(n => $"'{n}'"))}; " +
                $"allowed: {string.Join(", ", GatewayModules.Names)} (comma-separated; empty serves all).");
        return new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
    }

    public static GatewayOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
}
