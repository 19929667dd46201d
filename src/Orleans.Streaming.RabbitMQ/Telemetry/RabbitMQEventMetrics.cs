using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// The consuming side of meter <c>K8Shop.Events</c> (the publishing side is the grains'): messages consumed by routing
/// key and consumer, messages sent to a dead-letter queue, and queue depths sampled by whoever watches a queue.
/// </summary>
public static class RabbitMQEventMetrics
{
    public const string MeterName = "K8Shop.Events";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> ConsumedCounter = Meter.CreateCounter<long>(
        "k8shop.events.consumed", "{event}", "Messages handled and acknowledged, by routing key and consumer");

    private static readonly Counter<long> DeadLetteredCounter = Meter.CreateCounter<long>(
        "k8shop.events.dead_lettered", "{event}", "Messages rejected to the dead-letter exchange (unreadable, or out of deliveries), by the queue they left");

    private static readonly ConcurrentDictionary<string, long> Depths = new(StringComparer.Ordinal);

    private static readonly ObservableGauge<long> QueueDepthGauge = Meter.CreateObservableGauge(
        "k8shop.events.queue.depth",
        () => Depths.Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("queue", d.Key))),
        "{message}", "Messages ready in a queue (dead-letter queues included), sampled by passive declare");

    /// <summary>True while something reads queue depths: samplers skip the broker round trip otherwise.</summary>
    public static bool QueueDepthObserved => QueueDepthGauge.Enabled;

    public static void Consumed(string routingKey, string consumer) =>
        ConsumedCounter.Add(1, new KeyValuePair<string, object?>("routing_key", routingKey), new KeyValuePair<string, object?>("consumer", consumer));

    public static void DeadLettered(string queue) => DeadLetteredCounter.Add(1, new KeyValuePair<string, object?>("queue", queue));

    public static void QueueDepth(string queue, long depth) => Depths[queue] = depth;
}
