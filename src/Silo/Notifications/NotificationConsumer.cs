using K8Shop.Contracts.Events;
using K8Shop.Grains.Notifications;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Streaming.RabbitMQ;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace K8Shop.Silo.Notifications;

/// <summary>
/// The cluster profile's way in: consumes the quorum queue <c>notification-service</c>, bound to the topic exchange
/// <c>orders</c>, and hands each event to <see cref="NotificationDispatcher"/>. A message is acknowledged only after its
/// notifications are recorded; one that cannot be read is rejected straight to the dead-letter queue; one whose
/// handling failed is returned to the queue (after a short pause) until the delivery limit dead-letters it. After the
/// broker goes away the consumer connects again, declaring its topology anew. A stopping host first cancels the
/// consumer and finishes what it holds, before the silo and its grains stop (<see cref="StoppingAsync"/>).
/// </summary>
public sealed partial class NotificationConsumer(
    NotificationAmqpConnection amqp,
    IOptions<NotificationQueueOptions> options,
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<NotificationConsumer> logger) : BackgroundService, IHostedLifecycleService
{
    private readonly NotificationQueueOptions _options = options.Value;

    /// <summary>Completes once the consumer has declared its queue and is consuming (tests wait for it).</summary>
    public Task Ready => _ready.Task;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long a stopping silo waits for the messages it is handling, before the grains go away.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(20);

    private int _inFlight;
    private int _draining;
    private (IChannel Channel, string ConsumerTag)? _consuming;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Grains answer once the silo has started; consuming earlier would only bounce messages.
        try
        {
            await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted).WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStarted.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var delay = _options.ReconnectDelay;
        while (!stoppingToken.IsCancellationRequested && Volatile.Read(ref _draining) == 0)
        {
            try
            {
                await ConsumeUntilDisconnectedAsync(stoppingToken);
                delay = _options.ReconnectDelay;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogConnectFailed(ex, _options.Name, delay.TotalSeconds);
            }
            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }

    private async Task ConsumeUntilDisconnectedAsync(CancellationToken stoppingToken)
    {
        await using var connection = await amqp.Factory((ushort)_options.Prefetch).CreateConnectionAsync($"k8shop-notification:{_options.Name}", stoppingToken);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionShutdownAsync += (_, args) =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
        channel.ChannelShutdownAsync += (_, _) =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await NotificationTopology.DeclareAsync(channel, _options, stoppingToken);
        await channel.BasicQosAsync(0, (ushort)_options.Prefetch, global: false, stoppingToken);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => HandleAsync(channel, delivery, stoppingToken);
        if (Volatile.Read(ref _draining) != 0)
            return;
        var tag = await channel.BasicConsumeAsync(_options.Name, autoAck: false, consumer, stoppingToken);
        _consuming = (channel, tag);
        LogConsuming(_options.Name, _options.Prefetch);
        _ready.TrySetResult();

        var sampling = SampleDepthsAsync(channel, closed.Task, stoppingToken);
        try
        {
            await closed.Task.WaitAsync(stoppingToken);
        }
        finally
        {
            _consuming = null;
            await sampling;
        }
        LogDisconnected(_options.Name);
    }

    private async Task HandleAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        // Counted before looking at the flag, as StoppingAsync raises the flag before counting: a delivery is either
        // waited for or handed back, never handled while the silo goes away.
        Interlocked.Increment(ref _inFlight);
        try
        {
            if (Volatile.Read(ref _draining) != 0)
            {
                // Dispatched after the consumer was cancelled: the next consumer takes it (the broker sends it nowhere
                // else from this channel now).
                if (channel.IsOpen)
                    await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
                return;
            }
            await HandleOneAsync(channel, delivery, stoppingToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>
    /// Runs before any hosted service stops, the silo included: the broker stops delivering, and what is in hand is
    /// finished and acknowledged while the grains still answer. Handing it back instead would cost a delivery each
    /// time (quorum queues count returns against the delivery limit), and a send cut off between the e-mail and its
    /// record would be sent again by the next consumer.
    /// </summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _draining, 1) != 0)
            return;
        if (_consuming is { Channel.IsOpen: true } consuming)
        {
            try
            {
                await consuming.Channel.BasicCancelAsync(consuming.ConsumerTag, noWait: false, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The channel is going anyway: the broker returns what this consumer held.
            }
        }
        var deadline = clock.GetUtcNow() + DrainTimeout;
        while (Volatile.Read(ref _inFlight) > 0 && clock.GetUtcNow() < deadline && !cancellationToken.IsCancellationRequested)
            await Task.Delay(TimeSpan.FromMilliseconds(20), clock, CancellationToken.None);
        LogDrained(_options.Name, Volatile.Read(ref _inFlight));
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>While something reads <c>k8shop.events.queue.depth</c>: the queue's and its dead-letter queue's depth every 10 s.</summary>
    private async Task SampleDepthsAsync(IChannel channel, Task closed, CancellationToken stoppingToken)
    {
        try
        {
            while (!closed.IsCompleted && !stoppingToken.IsCancellationRequested)
            {
                if (RabbitMQEventMetrics.QueueDepthObserved)
                {
                    RabbitMQEventMetrics.QueueDepth(_options.Name, (await channel.QueueDeclarePassiveAsync(_options.Name, stoppingToken)).MessageCount);
                    RabbitMQEventMetrics.QueueDepth(_options.DeadLetterQueue, (await channel.QueueDeclarePassiveAsync(_options.DeadLetterQueue, stoppingToken)).MessageCount);
                }
                await Task.WhenAny(closed, Task.Delay(DepthSampleInterval, clock, stoppingToken));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // The connection is going: the next one samples again.
        }
    }

    private static readonly TimeSpan DepthSampleInterval = TimeSpan.FromSeconds(10);

    private async Task HandleOneAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        // The consumer's span continues the publisher's trace (W3C context in the headers), and so do the grain calls
        // and the e-mail that follow.
        using var activity = NotificationTelemetry.Source.HasListeners()
            ? NotificationTelemetry.Source.StartActivity($"{_options.Name} process", ActivityKind.Consumer, AmqpTraceContext.Extract(delivery.BasicProperties))
            : null;
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", _options.Name);
        activity?.SetTag("messaging.rabbitmq.destination.routing_key", delivery.RoutingKey);
        activity?.SetTag("messaging.message.id", delivery.BasicProperties.MessageId);
        IntegrationEvent evt;
        try
        {
            evt = IntegrationEventDecoder.Decode(delivery.RoutingKey, delivery.Body.Span, delivery.BasicProperties.MessageId,
                delivery.BasicProperties.CorrelationId, clock.GetUtcNow());
        }
        catch (PoisonMessageException ex)
        {
            LogPoison(delivery.RoutingKey, delivery.BasicProperties.MessageId ?? "(none)", ex.Message);
            await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, CancellationToken.None);
            RabbitMQEventMetrics.DeadLettered(_options.Name);
            activity?.SetStatus(ActivityStatusCode.Error, "unreadable");
            return;
        }

        try
        {
            await NotificationDispatcher.DispatchAsync(grains, evt);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
            RabbitMQEventMetrics.Consumed(delivery.RoutingKey, _options.Name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            var attempt = DeliveryCount(delivery) + 1;
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            LogFailed(ex, delivery.RoutingKey, evt.MessageId, attempt, _options.DeliveryLimit);
            // The broker dead-letters it when this return uses up the delivery limit.
            if (attempt > _options.DeliveryLimit)
                RabbitMQEventMetrics.DeadLettered(_options.Name);
            // A pause before returning it, so a short outage (SMTP, storage) does not burn the delivery limit at once.
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), clock, CancellationToken.None);
            if (channel.IsOpen)
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
        }
    }

    /// <summary>Quorum queues count earlier deliveries in <c>x-delivery-count</c>.</summary>
    private static long DeliveryCount(BasicDeliverEventArgs delivery) =>
        delivery.BasicProperties.Headers?.TryGetValue("x-delivery-count", out var count) == true && count is long or int
            ? Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification consumer on queue {Queue} stopped consuming; {Left} messages still in hand are returned to the queue")]
    private partial void LogDrained(string queue, int left);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification consumer on queue {Queue} (prefetch {Prefetch})")]
    private partial void LogConsuming(string queue, int prefetch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification consumer lost its connection to queue {Queue}; reconnecting")]
    private partial void LogDisconnected(string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification consumer could not consume queue {Queue}; trying again in {Seconds} s")]
    private partial void LogConnectFailed(Exception exception, string queue, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rejected message {MessageId} ({RoutingKey}) to the dead-letter queue: {Reason}")]
    private partial void LogPoison(string routingKey, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification for message {MessageId} ({RoutingKey}) failed on delivery {Attempt} of {Limit}; returned to the queue")]
    private partial void LogFailed(Exception exception, string routingKey, string messageId, long attempt, int limit);
}
