using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// Publishes with <c>mandatory</c> and publisher confirms on one shared channel: concurrent callers each await their
/// own confirm, so confirms are pipelined (up to <see cref="RabbitMQStreamOptions.MaxOutstandingConfirms"/> in
/// flight), and a return, nack, closed channel or late confirm is retried with backoff before it is thrown.
/// </summary>
internal sealed partial class RabbitMQPublisher(
    RabbitMQConnector connector,
    RabbitMQStreamOptions options,
    ILogger logger,
    IRabbitMQPublishFaults? faults = null,
    Func<string, Task>? dropConnections = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IChannel? _channel;

    public async Task PublishAsync(RabbitMQOutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var retry = options.PublishRetry;
        var delay = retry.InitialDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var channel = await GetChannelAsync(cancellationToken);
                using var confirmTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                confirmTimeout.CancelAfter(retry.ConfirmTimeout);
                if (faults is { AnyActive: true })
                {
                    await InjectFaultAsync(faults, channel, message, cancellationToken);
                }

                await channel.BasicPublishAsync(options.ExchangeName, message.RoutingKey, mandatory: true, message.Properties, message.Body, confirmTimeout.Token);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsTransient(exception))
            {
                var reason = Describe(exception);
                if (attempt >= retry.MaxAttempts)
                {
                    LogPublishFailed(exception, message.Properties.MessageId, message.RoutingKey, attempt, reason);
                    throw new RabbitMQPublishException(
                        $"Publishing message {message.Properties.MessageId} to exchange '{options.ExchangeName}' with routing key '{message.RoutingKey}' failed after {attempt} attempts: {reason}.",
                        exception);
                }

                LogPublishRetry(message.Properties.MessageId, message.RoutingKey, attempt, reason, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, retry.MaxDelay.Ticks));
            }
        }
    }

    /// <summary>
    /// A drill's nack fails the attempt with the client's own nack exception, before anything is sent (the broker took
    /// nothing); a drill's drop aborts the connections, so the publish below meets the closed channel and the retry reconnects.
    /// </summary>
    private async Task InjectFaultAsync(IRabbitMQPublishFaults faults, IChannel channel, RabbitMQOutgoingMessage message, CancellationToken cancellationToken)
    {
        switch (await faults.DecideAsync(message.RoutingKey, message.Properties.CorrelationId, cancellationToken))
        {
            case RabbitMQPublishFault.Nack:
                throw new PublishException(await channel.GetNextPublishSequenceNumberAsync(cancellationToken), isReturn: false);
            case RabbitMQPublishFault.ConnectionDrop:
                LogConnectionDropInjected(message.Properties.MessageId, message.RoutingKey);
                if (dropConnections is not null)
                {
                    await dropConnections("fault drill: connection dropped");
                }

                break;
        }
    }

    private static bool IsTransient(Exception exception) =>
        exception is PublishException or AlreadyClosedException or OperationInterruptedException or BrokerUnreachableException
            or OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException or IOException;

    private static string Describe(Exception exception) => exception switch
    {
        PublishReturnException returned => $"returned as unroutable ({returned.ReplyCode} {returned.ReplyText})",
        PublishException => "nacked by the broker",
        OperationCanceledException => "not confirmed in time",
        AlreadyClosedException closed => $"channel closed ({closed.ShutdownReason?.ReplyCode} {closed.ShutdownReason?.ReplyText})",
        _ => exception.Message,
    };

    /// <summary>
    /// The open channel, or a new one (on a new connection if that was lost) when the broker closed it: a channel
    /// error such as a missing exchange, or a broker restart. A connect that fails fails the attempt, which is retried.
    /// </summary>
    private async ValueTask<IChannel> GetChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
        {
            return open;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_channel is { IsOpen: true } reopened)
            {
                return reopened;
            }

            var connection = await connector.GetConnectionAsync(cancellationToken);
            if (_channel is { } closed)
            {
                await closed.DisposeAsync();
            }

            var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = options.MaxOutstandingConfirms,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
            _channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: limiter),
                cancellationToken);
            return _channel;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is { } channel)
        {
            try
            {
                // Off this thread and bounded, as the connection's dispose (see RabbitMQConnector).
                await Task.Run(() => channel.DisposeAsync().AsTask()).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
            }
        }

        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fault drill: dropping the RabbitMQ connections before publishing message {MessageId} ({RoutingKey})")]
    private partial void LogConnectionDropInjected(string? messageId, string routingKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing message {MessageId} ({RoutingKey}) failed on attempt {Attempt}: {Reason}; retrying in {Delay}")]
    private partial void LogPublishRetry(string? messageId, string routingKey, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing message {MessageId} ({RoutingKey}) failed after {Attempts} attempts: {Reason}")]
    private partial void LogPublishFailed(Exception exception, string? messageId, string routingKey, int attempts, string reason);
}
