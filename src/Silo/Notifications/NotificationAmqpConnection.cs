using RabbitMQ.Client;

namespace K8Shop.Silo.Notifications;

/// <summary>The broker notification consumes from: <c>ConnectionStrings:RabbitMQ</c> (an amqp:// URI; its password is never logged).</summary>
public sealed class NotificationAmqpConnection(Uri uri)
{
    public ConnectionFactory Factory(ushort dispatchConcurrency) => new()
    {
        Uri = uri,
        // This consumer reconnects and re-declares by itself; the client's own recovery would race it.
        AutomaticRecoveryEnabled = false,
        ConsumerDispatchConcurrency = dispatchConcurrency,
        RequestedHeartbeat = TimeSpan.FromSeconds(15),
    };
}
