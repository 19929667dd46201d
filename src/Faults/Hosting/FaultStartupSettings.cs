using K8Shop.Contracts.Faults;
using Microsoft.Extensions.Configuration;

namespace K8Shop.Faults.Hosting;

/// <summary>
/// Switches set in configuration (<c>Faults:&lt;name&gt;:Enabled</c>, <c>:Probability</c>, <c>:LatencyMs</c>,
/// <c>:DurationSeconds</c>, <c>:Scope:Sku</c>, <c>:Scope:User</c>, <c>:Scope:Silo</c>; env
/// <c>Faults__payment-decline__Enabled=true</c>), applied to the switchboard when a silo starts. Read and checked when
/// the host is built: an unknown name or a bad value stops the start, naming the key.
/// </summary>
public sealed class FaultStartupSettings
{
    public const string SectionName = "Faults";

    public FaultStartupSettings(IReadOnlyDictionary<string, FaultSetting> settings) => Settings = settings;

    public IReadOnlyDictionary<string, FaultSetting> Settings { get; }

    public static FaultStartupSettings Read(IConfiguration configuration)
    {
        var settings = new Dictionary<string, FaultSetting>(StringComparer.Ordinal);
        foreach (var section in configuration.GetSection(SectionName).GetChildren())
        {
            if (!FaultCatalog.TryGet(section.Key, out _))
            {
                throw new InvalidOperationException(
                    $"{SectionName}:{section.Key} names no fault switch; use one of: {string.Join(", ", FaultCatalog.All.Select(f => f.Name))}.");
            }
            var entry = section.Get<Entry>(o => o.ErrorOnUnknownConfiguration = true) ?? new Entry();
            var setting = new FaultSetting(entry.Enabled, entry.Probability ?? 1, entry.LatencyMs, entry.DurationSeconds,
                entry.Scope is { } s ? new FaultScope(s.Sku, s.User, s.Silo) : null);
            try
            {
                FaultSettingRules.Validate(setting);
            }
            catch (FaultSettingException bad)
            {
                throw new InvalidOperationException($"{SectionName}:{section.Key}:{bad.Field} {bad.Reason}.", bad);
            }
            settings[section.Key] = setting;
        }
        return new FaultStartupSettings(settings);
    }

    private sealed class Entry
    {
        public bool Enabled { get; set; }
        public double? Probability { get; set; }
        public int? LatencyMs { get; set; }
        public int? DurationSeconds { get; set; }
        public ScopeEntry? Scope { get; set; }
    }

    private sealed class ScopeEntry
    {
        public string? Sku { get; set; }
        public string? User { get; set; }
        public string? Silo { get; set; }
    }
}
