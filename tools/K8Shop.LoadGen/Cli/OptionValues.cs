using System.Globalization;

namespace K8Shop.LoadGen.Cli;

/// <summary>The raw "--name value" pairs of one command line, read back as typed values with range checks.</summary>
public sealed class OptionValues(IReadOnlyDictionary<string, string> values)
{
    public bool Has(string name) => values.ContainsKey(name);

    public string? Text(string name)
    {
        if (!values.TryGetValue(name, out var text))
            return null;
        return string.IsNullOrWhiteSpace(text) ? throw new UsageException($"--{name} needs a non-empty value") : text.Trim();
    }

    public int? Int(string name, int min, int max) =>
        values.TryGetValue(name, out var text)
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw Invalid(name, $"an integer from {min} to {max}", text)
            : null;

    public long? Long(string name, long min) =>
        values.TryGetValue(name, out var text)
            ? long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
                ? value
                : throw Invalid(name, $"an integer of at least {min}", text)
            : null;

    public double? Double(string name, double min, double max, bool minExclusive = false) =>
        values.TryGetValue(name, out var text)
            ? double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
              && (minExclusive ? value > min : value >= min) && value <= max
                ? value
                : throw Invalid(name, $"a number {(minExclusive ? "above" : "from")} {min} {(minExclusive ? "and at most" : "to")} {max}", text)
            : null;

    public TimeSpan? Duration(string name, bool allowZero) =>
        values.TryGetValue(name, out var text)
            ? Durations.TryParse(text, out var value) && (value > TimeSpan.Zero || (allowZero && value == TimeSpan.Zero))
                ? value
                : throw Invalid(name, allowZero ? "a duration such as 0, 500ms, 5s or 2m" : "a positive duration such as 500ms, 30s or 2m", text)
            : null;

    private static UsageException Invalid(string name, string expected, string got) =>
        new($"--{name} must be {expected}, got '{got}'");
}
