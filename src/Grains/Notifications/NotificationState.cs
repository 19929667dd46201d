using System.Collections.Immutable;
using K8Shop.Contracts.Notifications;

namespace K8Shop.Grains.Notifications;

[GenerateSerializer, Alias("k8shop.notifications.NotificationState")]
public sealed class NotificationState
{
    [Id(0)] public NotificationContact? Contact { get; set; }

    /// <summary>Oldest first; at most <see cref="NotificationOptions.MaxEntries"/>. Also the set of message ids already acted on.</summary>
    [Id(1)] public ImmutableArray<NotificationEntry> Entries { get; set; } = [];
}

[GenerateSerializer, Alias("k8shop.notifications.BackInStockState")]
public sealed class BackInStockState
{
    /// <summary>Shoppers waiting, in the order they registered.</summary>
    [Id(0)] public ImmutableArray<BackInStockSubscription> Waiting { get; set; } = [];

    /// <summary>Whether the last look at the SKU found no unit available: the next look that finds some notifies.</summary>
    [Id(1)] public bool OutOfStock { get; set; }
}
