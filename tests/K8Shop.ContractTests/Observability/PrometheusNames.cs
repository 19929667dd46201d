using System.Diagnostics.Metrics;
using System.Text;

namespace K8Shop.ContractTests.Observability;

/// <summary>
/// The names OpenTelemetry's Prometheus exporter gives an instrument's series, by its rules: characters outside
/// [a-zA-Z0-9_:] become '_', a unit is appended in words unless it is an annotation ({checkout}) or already the name's
/// end, counters end in _total, histograms are _bucket, _sum and _count. The metrics test checks these rules against
/// the exporter itself on every series a scrape shows.
/// </summary>
public static class PrometheusNames
{
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["s"] = "seconds", ["ms"] = "milliseconds", ["us"] = "microseconds", ["ns"] = "nanoseconds",
        ["min"] = "minutes", ["h"] = "hours", ["d"] = "days",
        ["By"] = "bytes", ["KiBy"] = "kibibytes", ["MiBy"] = "mebibytes", ["GiBy"] = "gibibytes",
        ["KB"] = "kilobytes", ["MB"] = "megabytes", ["GB"] = "gigabytes",
        ["%"] = "percent",
    };

    public static IReadOnlyList<string> Of(Instrument instrument)
    {
        var name = Sanitize(instrument.Name);
        var unit = UnitWord(instrument.Unit);
        if (unit.Length > 0 && !name.EndsWith("_" + unit, StringComparison.Ordinal))
            name += "_" + unit;
        var type = instrument.GetType().GetGenericTypeDefinition();
        if (type == typeof(Counter<>) || type == typeof(ObservableCounter<>))
            return [name.EndsWith("_total", StringComparison.Ordinal) ? name : name + "_total"];
        if (type == typeof(Histogram<>))
            return [name + "_bucket", name + "_sum", name + "_count"];
        return [name];
    }

    private static string UnitWord(string? unit)
    {
        if (string.IsNullOrEmpty(unit) || unit == "1" || (unit.StartsWith('{') && unit.EndsWith('}')))
            return "";
        return Units.TryGetValue(unit, out var word) ? word : Sanitize(unit);
    }

    private static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        return text.ToString();
    }
}
