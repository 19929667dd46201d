using K8Shop.LoadGen.Running;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace K8Shop.LoadGen.Events;

/// <summary>
/// An independent AMQP consumer of the shop's events: its own exclusive, auto-delete queue bound to the exchange with
/// "#", auto-acked, each delivery stamped with its arrival time before anything else. Its receipt is the observable
/// "published" point: an event a consumer can read.
/// </summary>
public sealed class EventWatcher : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private EventWatcher(IConnection connection, IChannel channel, EventLog log, string queue)
    {
        (_connection, _channel, Log, Queue) = (connection, channel, log, queue);
    }

    public EventLog Log { get; }

    public string Queue { get; }

    /// <summary>Connects and starts consuming; throws <see cref="SetupFailedException"/> when the broker or the exchange is not there.</summary>
    public static async Task<EventWatcher> StartAsync(EventWatchOptions options, EventLog log, string runTag, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = options.Amqp, ClientProvidedName = $"k8shop-loadgen:{runTag}" };
        IConnection connection;
        try
        {
            connection = await factory.CreateConnectionAsync(cancellationToken);
        }
        catch (BrokerUnreachableException error)
        {
            throw new SetupFailedException($"--events-amqp: cannot connect to {options.Amqp.Host}:{options.Amqp.Port} ({error.InnerException?.Message ?? error.Message})");
        }
        try
        {
            var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                await channel.ExchangeDeclarePassiveAsync(options.Exchange, cancellationToken);
            }
            catch (OperationInterruptedException)
            {
                throw new SetupFailedException($"--events-exchange: the broker has no exchange '{options.Exchange}' (is the silo running with RabbitMQ?)");
            }
            var queue = $"k8shop-loadgen.events.{runTag}";
            await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, options.Exchange, "#", cancellationToken: cancellationToken);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) =>
            {
                var receivedAt = DateTimeOffset.UtcNow;
                log.Add(ObservedEvent.TryParse(delivery.RoutingKey, delivery.Body.Span, delivery.BasicProperties.MessageId, receivedAt), receivedAt);
                return Task.CompletedTask;
            };
            await channel.BasicConsumeAsync(queue, autoAck: true, consumer, cancellationToken);
            return new EventWatcher(connection, channel, log, queue);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for events still on their way: until none arrived for <paramref name="quiet"/>, at most <paramref name="limit"/>.</summary>
    public async Task DrainAsync(TimeSpan quiet, TimeSpan limit)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        while (DateTimeOffset.UtcNow < deadline && DateTimeOffset.UtcNow - Log.LastReceipt < quiet)
            await Task.Delay(TimeSpan.FromMilliseconds(100));
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _channel.DisposeAsync();
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }
}

