using System.Globalization;

namespace K8Shop.LoadGen.Cli;

/// <summary>Durations as people type them: 500ms, 30s, 1.5m, 1h, or a bare number of seconds.</summary>
public static class Durations
{
    private static readonly (string Suffix, double Seconds)[] Units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var (number, scale) = Split(text.Trim());
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return false;
        var seconds = value * scale;
        if (double.IsInfinity(seconds) || seconds > TimeSpan.FromDays(365).TotalSeconds)
            return false;
        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    public static string Format(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1) && duration > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.###}ms")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###}s");

    private static (string Number, double Scale) Split(string text)
    {
        // "ms" is checked before "s" and "m", so "500ms" is not read as 500 minutes of "s".
        foreach (var (suffix, seconds) in Units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return (text[..^suffix.Length], seconds);
        }
        return (text, 1);
    }
}
