using K8Shop.Contracts.Events;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace K8Shop.Grains.Notifications;

/// <summary>The grain that receives the notification queue's events (implicit subscription, key: the event's stream key).</summary>
public interface INotificationEventsGrain : IGrainWithStringKey;

/// <summary>
/// Notification's one way in, in every profile: an implicit subscription to namespace
/// <see cref="NotificationRouting.StreamNamespace"/>, which the events provider fills from the queue
/// <c>notification-service</c>, handing each event to <see cref="NotificationDispatcher"/>. It completes only once every
/// notification is recorded, and the provider acknowledges the message after that; a failure reaches the provider, which
/// retries, then returns the message to the queue until its delivery limit dead-letters it.
/// </summary>
[ImplicitStreamSubscription(NotificationRouting.StreamNamespace)]
[CollectionAgeLimit(Minutes = GrainLifetimes.ShortLivedIdleMinutes)]
public sealed partial class NotificationEventsGrain(ILogger<NotificationEventsGrain> logger)
    : Grain, INotificationEventsGrain, IStreamSubscriptionObserver, IAsyncObserver<IntegrationEvent>
{
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<IntegrationEvent>().ResumeAsync(this);

    public async Task OnNextAsync(IntegrationEvent evt, StreamSequenceToken? token = null)
    {
        // The consumer's span continues the publisher's trace (W3C context from the message's headers), and so do the
        // grain calls and the e-mail that follow.
        using var activity = NotificationTelemetry.StartConsume(NotificationRouting.QueueName, evt);
        try
        {
            await NotificationDispatcher.DispatchAsync(GrainFactory, evt);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            LogFailed(ex, evt.RoutingKey, evt.MessageId, this.GetPrimaryKeyString());
            throw;
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(ex, this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification for event {RoutingKey} (message {MessageId}, stream {StreamKey}) failed")]
    private partial void LogFailed(Exception exception, string routingKey, string messageId, string streamKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification stream {StreamKey} reported an error")]
    private partial void LogStreamError(Exception ex, string streamKey);
}
