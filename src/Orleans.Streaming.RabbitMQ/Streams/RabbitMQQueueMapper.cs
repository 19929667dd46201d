using System.Diagnostics.CodeAnalysis;
using System.Text;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// The queues the pulling agents balance: the partition queues (streams are published to them by hash ring) and the
/// consumers of each bound queue, placed on the same ring by a hash of their name so the balancer spreads them too.
/// No stream is ever published to a bound queue's id: the broker routes into the bound queue by its bindings.
/// </summary>
internal sealed class RabbitMQQueueMapper : IConsistentRingStreamQueueMapper
{
    private readonly HashRingBasedStreamQueueMapper _partitions;
    private readonly Dictionary<QueueId, RabbitMQBoundQueueOptions> _bound = [];

    public RabbitMQQueueMapper(RabbitMQStreamOptions options, string providerName)
    {
        _partitions = new HashRingBasedStreamQueueMapper(new HashRingStreamQueueMapperOptions { TotalQueueCount = options.PartitionCount }, providerName);
        foreach (var queue in options.BoundQueues)
        {
            for (var consumer = 0; consumer < queue.Consumers; consumer++)
            {
                var id = QueueId.GetQueueId($"{providerName}.{queue.Name}", (uint)consumer, RingPosition($"{queue.Name}/{consumer}"));
                _bound[id] = queue;
            }
        }
    }

    public bool TryGetBoundQueue(QueueId queueId, [NotNullWhen(true)] out RabbitMQBoundQueueOptions? queue) => _bound.TryGetValue(queueId, out queue);

    public QueueId GetQueueForStream(StreamId streamId) => _partitions.GetQueueForStream(streamId);

    public IEnumerable<QueueId> GetAllQueues() => _partitions.GetAllQueues().Concat(_bound.Keys);

    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range) =>
        _partitions.GetQueuesForRange(range).Concat(_bound.Keys.Where(id => range.InRange(id.GetUniformHashCode())));

    /// <summary>FNV-1a: stable across processes and runtimes (string.GetHashCode is not), so every silo agrees on the owner.</summary>
    private static uint RingPosition(string name)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
