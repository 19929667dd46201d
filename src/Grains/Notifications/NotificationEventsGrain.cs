using K8Shop.Contracts.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace K8Shop.Grains.Notifications;

/// <summary>The grain that receives events from the silo's stream provider (implicit subscription, key: correlation id).</summary>
public interface INotificationEventsGrain : IGrainWithStringKey;

/// <summary>
/// The embedded profile's way in: an implicit subscription to the events streams (key: the event's correlation id),
/// handing each event to <see cref="NotificationDispatcher"/>. In the cluster profile the AMQP consumer does that job
/// (<see cref="NotificationStreamOptions.Enabled"/> false), so events are not handled twice over two paths.
/// </summary>
[ImplicitStreamSubscription(NotificationRouting.OrdersNamespace)]
[ImplicitStreamSubscription(NotificationRouting.InventoryNamespace)]
[ImplicitStreamSubscription(NotificationRouting.ProductNamespace)]
public sealed partial class NotificationEventsGrain(IOptions<NotificationStreamOptions> options, ILogger<NotificationEventsGrain> logger)
    : Grain, INotificationEventsGrain, IStreamSubscriptionObserver
{
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        var handle = handleFactory.Create<IntegrationEvent>();
        await handle.ResumeAsync(OnNextAsync);
    }

    private async Task OnNextAsync(IntegrationEvent evt, StreamSequenceToken? token)
    {
        if (!options.Value.Enabled)
            return;
        try
        {
            await NotificationDispatcher.DispatchAsync(GrainFactory, evt);
        }
        catch (Exception ex)
        {
            LogFailed(ex, evt.RoutingKey, evt.MessageId, this.GetPrimaryKeyString());
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification for event {RoutingKey} (message {MessageId}, correlation {CorrelationId}) failed")]
    private partial void LogFailed(Exception exception, string routingKey, string messageId, string correlationId);
}

/// <summary>Whether the stream subscription acts on events (embedded) or leaves them to the AMQP consumer (cluster).</summary>
public sealed class NotificationStreamOptions
{
    public bool Enabled { get; set; } = true;
}
