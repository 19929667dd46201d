using System.Diagnostics;
using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// Bound queues without a broker, for a single process on Orleans' memory streams: an event published to a stream is
/// also published to <c>(queue's stream namespace, the same key)</c> for each bound queue whose binding keys match its
/// routing key, as the broker would route it. Subscribers of a bound queue's namespace see the same events in both.
/// </summary>
internal sealed class MemoryBoundQueueAdapterFactory(
    IQueueAdapterFactory inner, IReadOnlyList<RabbitMQBoundQueueOptions> queues, Func<object, StreamId, string> routingKey) : IQueueAdapterFactory
{
    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IQueueAdapter> CreateAdapter() => CreateAdapter(CancellationToken.None);

    public async Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken) =>
        new Adapter(await inner.CreateAdapter(cancellationToken), queues, routingKey);

    public IQueueAdapterCache GetQueueAdapterCache() => inner.GetQueueAdapterCache();

    public IStreamQueueMapper GetStreamQueueMapper() => inner.GetStreamQueueMapper();

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) => inner.GetDeliveryFailureHandler(queueId);

    private sealed class Adapter(IQueueAdapter inner, IReadOnlyList<RabbitMQBoundQueueOptions> queues, Func<object, StreamId, string> routingKey) : IQueueAdapter
    {
        /// <summary>
        /// The publish, recorded here as RabbitMQ.Client records it on a broker (a producer span named
        /// <c>publish {routing key}</c>): each transport records its own publishes, once.
        /// </summary>
        private static readonly ActivitySource Source = new(RabbitMQEventMetrics.MeterName);

        public string Name => inner.Name;

        public bool IsRewindable => inner.IsRewindable;

        public StreamProviderDirection Direction => inner.Direction;

        public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => inner.CreateReceiver(queueId);

        public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
        {
            var batch = events.ToList();
            // Each event's routing key once, for the span and for every bound queue.
            var keys = batch.Select(e => e is null ? null : routingKey(e, streamId)).ToList();
            using var activity = keys.Count > 0 && keys[0] is { } first && Source.HasListeners() ? StartPublish(first, streamId) : null;
            try
            {
                await inner.QueueMessageBatchAsync(streamId, batch, token, requestContext);
                foreach (var queue in queues)
                {
                    var routed = batch.Where((_, i) => keys[i] is { } key && queue.BindingKeys.Any(binding => RabbitMQTopicPattern.Matches(binding, key))).ToList();
                    if (routed.Count > 0)
                    {
                        await inner.QueueMessageBatchAsync(StreamId.Create(queue.StreamNamespace, streamId.GetKeyAsString()), routed, null, requestContext);
                    }
                }
            }
            catch (Exception ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                throw;
            }
        }

        private static Activity? StartPublish(string key, StreamId streamId)
        {
            var activity = Source.StartActivity($"publish {key}", ActivityKind.Producer);
            activity?.SetTag("messaging.system", "orleans-memory");
            activity?.SetTag("messaging.destination.name", streamId.GetNamespace());
            activity?.SetTag("messaging.rabbitmq.destination.routing_key", key);
            return activity;
        }
    }
}
