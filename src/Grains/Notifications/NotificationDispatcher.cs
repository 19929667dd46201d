using K8Shop.Contracts.Events;
using K8Shop.Contracts.Notifications;

namespace K8Shop.Grains.Notifications;

/// <summary>
/// Carries out an event's <see cref="NotificationPlan"/> through the grains. Both ways in use it: the AMQP consumer
/// (cluster profile) and the implicit stream subscription (embedded). It completes only when every notification is
/// recorded, so the caller acknowledges the message after it, never before.
/// </summary>
public static class NotificationDispatcher
{
    public static async Task DispatchAsync(IGrainFactory grains, IntegrationEvent evt)
    {
        var plan = NotificationRouting.Plan(evt);
        foreach (var (userId, request) in plan.Notify)
            await grains.GetGrain<INotificationGrain>(userId).NotifyAsync(request);
        foreach (var sku in plan.SkusToCheck)
            await grains.GetGrain<IBackInStockGrain>(sku).CheckAsync();
    }
}
