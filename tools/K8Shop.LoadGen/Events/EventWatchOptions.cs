namespace K8Shop.LoadGen.Events;

/// <summary>
/// How to watch the shop's events during a run (--events-*). A class, not a record, so the URIs' passwords never
/// land in a ToString.
/// </summary>
public sealed class EventWatchOptions
{
    public const string DefaultExchange = "orders";
    public const string DefaultNotificationQueue = "notification-service";

    /// <summary>The broker, as an amqp:// or amqps:// URI with its credentials and virtual host.</summary>
    public required Uri Amqp { get; init; }

    /// <summary>The topic exchange the shop publishes to; the watcher binds its own queue to it with "#".</summary>
    public string Exchange { get; init; } = DefaultExchange;

    /// <summary>The management API's base address; null samples no queue depths. Credentials: its own, else the AMQP URI's.</summary>
    public Uri? Management { get; init; }

    /// <summary>Which queues' depths to sample, by name with "*" for any characters; default the notification queue and the exchange's own ("orders.*").</summary>
    public IReadOnlyList<string> QueuePatterns { get; init; } = [DefaultNotificationQueue, DefaultExchange + ".*"];

    /// <summary>How long after the load the watcher waits for events still on their way (it stops earlier once they stop coming).</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The delay from state change to receipt the 99th percentile must stay under.</summary>
    public TimeSpan P99Goal { get; init; } = TimeSpan.FromSeconds(1);
}
