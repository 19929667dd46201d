namespace K8Shop.LoadGen.Cli;

/// <summary>--chaos: each fault on for <see cref="On"/>, then all off for <see cref="Off"/>; <see cref="Faults"/> null means every fault the gateway lists.</summary>
public sealed record ChaosOptions(TimeSpan On, TimeSpan Off, IReadOnlyList<string>? Faults)
{
    public static readonly TimeSpan DefaultOn = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan DefaultOff = TimeSpan.FromSeconds(10);

    private static readonly string[] NeedChaos = ["chaos-on", "chaos-off", "chaos-faults"];

    public static ChaosOptions? Parse(OptionValues values)
    {
        foreach (var option in NeedChaos)
        {
            if (values.Has(option) && !values.Has("chaos"))
                throw new UsageException($"--{option} needs --chaos");
        }
        if (!values.Has("chaos"))
            return null;
        var on = values.Duration("chaos-on", allowZero: false) ?? DefaultOn;
        var off = values.Duration("chaos-off", allowZero: true) ?? DefaultOff;
        if (on.TotalSeconds < 1 || on.TotalSeconds % 1 != 0 || off.TotalSeconds % 1 != 0)
            throw new UsageException("--chaos-on and --chaos-off are whole seconds (the schedule and the report's series go by the second)");
        return new ChaosOptions(on, off, values.Text("chaos-faults") is { } names ? ParseNames(names) : null);
    }

    private static string[] ParseNames(string text)
    {
        var names = text.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(name => name.Length == 0))
            throw new UsageException($"--chaos-faults must be fault names separated by commas, got '{text}'");
        return [.. names.Distinct(StringComparer.Ordinal)];
    }
}
