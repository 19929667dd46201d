using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// Consumes one partition queue, or a bound queue (deliveries re-keyed onto the queue's stream namespace), with a bounded prefetch and hands its deliveries to the pulling agent. A delivery is
/// acked only in <see cref="MessagesDeliveredAsync"/>: with <see cref="SimpleQueueCache"/> that is called with the
/// messages purged from the cache, which happens once every subscriber's cursor has moved past them, i.e. once
/// Orleans delivered them, and acked a batch at a time. A message Orleans gave up on is never purged as delivered: the failure handler nacks it through
/// <see cref="NackAsync"/>, and any older one still unsettled when newer ones are purged is nacked too.
/// </summary>
internal sealed partial class RabbitMQAdapterReceiver(
    QueueId queueId,
    string queueName,
    RabbitMQBoundQueueOptions? bound,
    RabbitMQConnector connector,
    RabbitMQMessageCodec codec,
    RabbitMQStreamOptions options,
    ILogger logger) : IQueueAdapterReceiver
{
    private static readonly TimeSpan ConsumeStartTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DepthSampleInterval = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<Buffered> _buffer = new();
    private readonly ConcurrentDictionary<long, PendingDelivery> _pending = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IChannel? _channel;
    private long _sequenceNumber;
    private int _generation;
    private DateTime _nextConsumeAttempt = DateTime.MinValue;
    private DateTime _nextDepthSample = DateTime.MinValue;
    private volatile bool _shutdown;

    public async Task Initialize(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await EnsureConsumingAsync(cancellation.Token);
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        await EnsureConsumingAsync(cancellationToken);
        await SampleDepthAsync(cancellationToken);
        var limit = maxCount < 0 ? int.MaxValue : maxCount;
        var generation = Volatile.Read(ref _generation);
        var batch = new List<IBatchContainer>();
        while (batch.Count < limit && _buffer.TryDequeue(out var buffered))
        {
            if (buffered.Generation != generation)
            {
                // Received on a channel that closed since: the broker requeued it and delivers it again.
                _pending.TryRemove(buffered.Container.SequenceToken.SequenceNumber, out _);
                continue;
            }

            batch.Add(buffered.Container);
        }

        return batch;
    }

    public async Task Shutdown(TimeSpan timeout)
    {
        _shutdown = true;
        if (!await _gate.WaitAsync(timeout))
        {
            return;
        }

        try
        {
            if (_channel is { } channel)
            {
                _channel = null;
                // Closing the channel returns every unacknowledged delivery to the queue for the next owner.
                try
                {
                    using var closeTimeout = new CancellationTokenSource(timeout);
                    await channel.CloseAsync(Constants.ReplySuccess, "receiver shutdown", abort: false, closeTimeout.Token);
                }
                catch (Exception exception)
                {
                    LogCloseFailed(exception, queueName);
                }

                _ = Task.Run(() => DisposeQuietlyAsync(channel));
            }

            Interlocked.Increment(ref _generation);
            _buffer.Clear();
            _pending.Clear();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Starts consuming when there is no open channel: at start, after a lost connection (opened again here, at most
    /// once per <see cref="RabbitMQStreamOptions.NetworkRecoveryInterval"/>) and after the broker closed the channel
    /// (a deleted queue, a failed ack). Unacked deliveries of a closed channel are back in the queue by then.
    /// </summary>
    private async Task EnsureConsumingAsync(CancellationToken cancellationToken)
    {
        if (_shutdown || _channel is { IsOpen: true } || DateTime.UtcNow < _nextConsumeAttempt)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_shutdown || _channel is { IsOpen: true } || DateTime.UtcNow < _nextConsumeAttempt)
            {
                return;
            }

            _nextConsumeAttempt = DateTime.UtcNow + options.NetworkRecoveryInterval;
            if (_channel is { } closed)
            {
                _channel = null;
                Interlocked.Increment(ref _generation);
                _ = Task.Run(() => DisposeQuietlyAsync(closed));
            }

            // Bounded, so a broker that accepts the connection but does not answer cannot hold the receiver (and its shutdown).
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ConsumeStartTimeout);
            IChannel? channel = null;
            var step = "connect";
            try
            {
                var connection = await connector.GetConnectionAsync(timeout.Token);
                step = "open channel";
                channel = await connection.CreateChannelAsync(cancellationToken: timeout.Token);
                step = "basic.qos";
                await channel.BasicQosAsync(0, Prefetch, global: false, timeout.Token);
                var opened = channel;
                channel.ChannelShutdownAsync += (_, _) =>
                {
                    // Deliveries not yet handed to Orleans come back from the queue; forget them rather than deliver them twice.
                    Interlocked.Increment(ref _generation);
                    return Task.CompletedTask;
                };
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(opened, delivery);
                step = "basic.consume";
                // WaitAsync: after a broker crash a quorum queue that is still recovering may never answer basic.consume,
                // and the client waits for the answer whatever the token says.
                await channel.BasicConsumeAsync(queueName, autoAck: false, consumer, timeout.Token).WaitAsync(timeout.Token);
                _channel = channel;
                LogConsuming(queueName, queueId.ToString(), Prefetch);
                // A zero first: an alert on increase() then sees the first dead letter too.
                RabbitMQEventMetrics.DeadLettered(queueName, 0);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogConsumeFailed(exception, queueName, step, options.NetworkRecoveryInterval);
                if (channel is not null)
                {
                    _ = Task.Run(() => AbortQuietlyAsync(channel));
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes a channel whose consumer did not start, without waiting for the broker, in the background.</summary>
    private async Task AbortQuietlyAsync(IChannel channel)
    {
        try
        {
            await channel.AbortAsync();
        }
        catch (Exception exception)
        {
            LogCloseFailed(exception, queueName);
        }

        await DisposeQuietlyAsync(channel);
    }

    /// <summary>Disposes a dead channel in the background: on a lost connection that can take as long as a timeout.</summary>
    private async Task DisposeQuietlyAsync(IChannel channel)
    {
        try
        {
            await channel.DisposeAsync();
        }
        catch (Exception exception)
        {
            LogCloseFailed(exception, queueName);
        }
    }

    private async Task OnReceivedAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        // The body's memory belongs to the client only during this call, so it is decoded here.
        StreamId streamId;
        object? @event;
        string? problem;
        if (!(bound is null
            ? codec.TryDecode(delivery.BasicProperties, delivery.Body, out streamId, out @event, out problem)
            : codec.TryDecodeBound(bound, delivery.RoutingKey, delivery.BasicProperties, delivery.Body, out streamId, out @event, out problem)))
        {
            LogUnreadable(queueName, delivery.BasicProperties.MessageId, problem);
            await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false);
            RabbitMQEventMetrics.DeadLettered(queueName);
            return;
        }

        var sequenceNumber = Interlocked.Increment(ref _sequenceNumber);
        var (traceParent, traceState) = AmqpTraceContext.ReadHeaders(delivery.BasicProperties);
        var container = new RabbitMQBatchContainer(streamId, @event, delivery.BasicProperties.MessageId, new EventSequenceTokenV2(sequenceNumber))
        {
            TraceParent = traceParent,
            TraceState = traceState,
        };
        _pending[sequenceNumber] = new PendingDelivery(channel, delivery.DeliveryTag, delivery.Redelivered, delivery.BasicProperties.MessageId, delivery.RoutingKey,
            PriorDeliveries(delivery.BasicProperties));
        _buffer.Enqueue(new Buffered(container, Volatile.Read(ref _generation)));
    }

    private sealed record Buffered(RabbitMQBatchContainer Container, int Generation);

    private ushort Prefetch => bound?.PrefetchCount ?? options.PrefetchCount;

    /// <summary>While something reads <c>k8shop.events.queue.depth</c>: a bound queue's and its dead-letter queue's depth, every 10 s.</summary>
    private async Task SampleDepthAsync(CancellationToken cancellationToken)
    {
        if (bound is null || !RabbitMQEventMetrics.QueueDepthObserved || DateTime.UtcNow < _nextDepthSample || _channel is not { IsOpen: true } channel)
        {
            return;
        }

        _nextDepthSample = DateTime.UtcNow + DepthSampleInterval;
        try
        {
            RabbitMQEventMetrics.QueueDepth(bound.Name, (await channel.QueueDeclarePassiveAsync(bound.Name, cancellationToken)).MessageCount);
            RabbitMQEventMetrics.QueueDepth(bound.DeadLetterQueue, (await channel.QueueDeclarePassiveAsync(bound.DeadLetterQueue, cancellationToken)).MessageCount);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A lost channel is opened again on the next poll, and sampled again after it.
            LogCloseFailed(exception, queueName);
        }
    }

    /// <summary>Quorum queues count earlier deliveries of a message in <c>x-delivery-count</c>.</summary>
    private static long PriorDeliveries(IReadOnlyBasicProperties properties) =>
        properties.Headers?.TryGetValue("x-delivery-count", out var count) == true && count is long or int
            ? Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming RabbitMQ queue {QueueName} for {QueueId} with prefetch {Prefetch}")]
    private partial void LogConsuming(string queueName, string queueId, ushort prefetch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consuming RabbitMQ queue {QueueName} failed at {Step}; trying again in {Interval}")]
    private partial void LogConsumeFailed(Exception exception, string queueName, string step, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on {QueueName} cannot be read ({Problem}); rejected to the dead-letter queue")]
    private partial void LogUnreadable(string queueName, string? messageId, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing the channel of {QueueName} failed")]
    private partial void LogCloseFailed(Exception exception, string queueName);
}
