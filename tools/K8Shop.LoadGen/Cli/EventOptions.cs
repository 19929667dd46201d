using K8Shop.LoadGen.Events;
using K8Shop.LoadGen.Scenarios;

namespace K8Shop.LoadGen.Cli;

/// <summary>The --events-* options: the broker to watch, and what else to read while watching it.</summary>
public static class EventOptions
{
    private static readonly string[] NeedAmqp = ["events-exchange", "events-management", "events-queues", "events-drain"];

    public static EventWatchOptions? Parse(OptionValues values, string scenario)
    {
        foreach (var option in NeedAmqp)
        {
            if (values.Has(option) && !values.Has("events-amqp"))
                throw new UsageException($"--{option} needs --events-amqp");
        }
        if (!values.Has("events-amqp"))
            return null;
        ArgumentParser.RequireScenario(values, "events-amqp", scenario, CheckoutScenario.ScenarioName);

        var defaults = new EventWatchOptions { Amqp = new Uri("amqp://localhost/") };
        var exchange = values.Text("events-exchange") ?? defaults.Exchange;
        return new EventWatchOptions
        {
            Amqp = ParseUri("events-amqp", values.Text("events-amqp")!, "amqp", "amqps"),
            Exchange = exchange,
            Management = values.Text("events-management") is { } management ? ParseUri("events-management", management, "http", "https") : null,
            QueuePatterns = values.Text("events-queues") is { } queues ? ParsePatterns(queues) : [EventWatchOptions.DefaultNotificationQueue, exchange + ".*"],
            Drain = values.Duration("events-drain", allowZero: true) ?? defaults.Drain,
        };
    }

    /// <summary>A comma-separated list of queue names, "*" matching any characters; none may be empty.</summary>
    public static IReadOnlyList<string> ParsePatterns(string text)
    {
        var patterns = text.Split(',', StringSplitOptions.TrimEntries);
        return patterns.Any(pattern => pattern.Length == 0)
            ? throw new UsageException($"--events-queues must be queue names or patterns separated by commas, got '{text}'")
            : patterns;
    }

    private static Uri ParseUri(string option, string text, params string[] schemes)
    {
        // The URI carries a password: name the problem, never echo it.
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme))
            throw new UsageException($"--{option} must be an absolute {string.Join(" or ", schemes.Select(scheme => scheme + "://"))} address");
        return uri;
    }
}
