using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using K8Shop.Contracts.Events;

namespace K8Shop.Grains.Events;

/// <summary>
/// Meter <c>K8Shop.Events</c> on the publishing side: events published by routing key, and the outbox lag (age of the
/// oldest event this silo stored but has not published yet). The consuming side's instruments live with the consumers;
/// the publish's span is the transport's (RabbitMQ.Client's, or the in-process bound queues').
/// </summary>
public static class EventTelemetry
{
    public const string Name = "K8Shop.Events";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Published = Meter.CreateCounter<long>(
        "k8shop.events.published", "{event}", "Events the stream provider accepted (with RabbitMQ: confirmed by the broker), by routing key");

    // Outboxes holding unpublished events, by owner key, with their oldest event's time. Only kept while something
    // reads the gauge.
    private static readonly ConcurrentDictionary<string, DateTimeOffset> Pending = new(StringComparer.Ordinal);

    private static readonly ObservableGauge<double> OutboxLag = Meter.CreateObservableGauge(
        "k8shop.outbox.lag", ObserveLag, "s", "Age of the oldest stored but unpublished outbox event on this silo (0 if none)");

    public static void PublishedOne(IntegrationEvent @event) =>
        Published.Add(1, new KeyValuePair<string, object?>("routing_key", @event.RoutingKey));

    /// <summary>The outbox of <paramref name="owner"/> now holds events since <paramref name="oldest"/>, or none (null).</summary>
    public static void Outbox(string owner, DateTimeOffset? oldest)
    {
        if (!OutboxLag.Enabled)
            return;
        if (oldest is { } since)
            Pending[owner] = since;
        else
            Pending.TryRemove(owner, out _);
    }

    private static double ObserveLag()
    {
        var now = DateTimeOffset.UtcNow;
        var lag = TimeSpan.Zero;
        foreach (var (_, since) in Pending)
        {
            if (now - since > lag)
                lag = now - since;
        }
        return lag.TotalSeconds;
    }
}
