namespace K8Shop.Contracts.Notifications;

/// <summary>
/// One shopper's notifications (key: the user id): their contact, the history of what was sent, and the
/// message ids already acted on, so an event delivered twice (redelivery, restart) notifies once.
/// </summary>
public interface INotificationGrain : K8Shop.Contracts.Identity.IShopperOwnedGrain
{
    /// <summary>Sends the notification unless its message id was already sent; answers the recorded entry.</summary>
    Task<NotificationEntry> NotifyAsync(NotificationRequest request);

    /// <summary>The history, newest first.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<NotificationPage> ListAsync(int skip, int take);

    /// <summary>Replaces the shopper's e-mail address and phone number.</summary>
    Task<NotificationContact> SetContactAsync(NotificationContact contact);

    /// <summary>The stored contact, or null when the shopper never gave one.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<NotificationContact?> GetContactAsync();
}

/// <summary>
/// Shoppers waiting for one SKU to be available again (key: the SKU in upper case). Each registration gets one
/// e-mail, the first time a check finds units available, then it is gone.
/// </summary>
public interface IBackInStockGrain : IGrainWithStringKey
{
    /// <summary>Registers the user's interest; an unknown SKU is refused. Registering twice keeps one registration.</summary>
    Task<BackInStockSubscription> SubscribeAsync(string userId);

    /// <summary>Reads the SKU's available units and notifies every waiting shopper when there are any.</summary>
    Task<int> CheckAsync();
}
