namespace K8Shop.LoadGen.Events;

/// <summary>One sampling of every watched queue, <see cref="At"/> after the load started.</summary>
public sealed record QueueSample(TimeSpan At, IReadOnlyList<QueueDepth> Queues);

/// <summary>One queue over the run: its deepest and last backlog, whether (and how fast) it grew from the reference to the end, and its ready count at each sample.</summary>
public sealed record QueueTrend(
    string Name, long MaxReady, long MaxMessages, long LastReady, long LastMessages, long? ReadyAtReference, double ReadyGrowthPerSecond, bool Growing,
    IReadOnlyList<long> ReadySeries);

/// <summary>
/// Whether a queue's backlog grows without bound: its ready messages (what waits for a consumer; unacknowledged ones
/// are bounded by the consumer's prefetch) at the end of the load are more than at <see cref="Reference"/> into it,
/// past the start-up transient. A run shorter than that compares with its first sample.
/// </summary>
public static class QueueGrowth
{
    public static readonly TimeSpan Reference = TimeSpan.FromSeconds(20);

    public static List<QueueTrend> Trends(IReadOnlyList<QueueSample> samples)
    {
        var names = samples.SelectMany(sample => sample.Queues).Select(queue => queue.Name).Distinct().Order(StringComparer.Ordinal);
        var reference = samples.FirstOrDefault(sample => sample.At >= Reference) ?? samples.FirstOrDefault();
        var trends = new List<QueueTrend>();
        foreach (var name in names)
        {
            var seen = samples
                .Select(sample => (sample.At, Depth: sample.Queues.FirstOrDefault(queue => queue.Name == name)))
                .Where(sample => sample.Depth is not null)
                .Select(sample => (sample.At, Depth: sample.Depth!))
                .ToList();
            var (lastAt, last) = seen[^1];
            var atReference = reference?.Queues.FirstOrDefault(queue => queue.Name == name)?.Ready;
            // A queue that appeared after the reference had nothing waiting before it existed.
            var growth = last.Ready - (atReference ?? 0);
            var seconds = (lastAt - (reference?.At ?? TimeSpan.Zero)).TotalSeconds;
            trends.Add(new QueueTrend(
                name, seen.Max(sample => sample.Depth.Ready), seen.Max(sample => sample.Depth.Messages), last.Ready, last.Messages, atReference,
                seconds > 0 ? growth / seconds : 0, growth > 0, [.. seen.Select(sample => sample.Depth.Ready)]));
        }
        return trends;
    }
}
