using System.Collections.Immutable;

namespace K8Shop.Contracts.Notifications;

/// <summary>The messages a shopper can receive; each has a plain-text and an HTML template.</summary>
public enum NotificationTemplate
{
    OrderConfirmed = 0,
    PaymentFailed = 1,
    OrderShipped = 2,
    BackInStock = 3,
}

public enum NotificationStatus
{
    /// <summary>Recorded before sending: a crash now means the next delivery sends again with the same Message-ID.</summary>
    Sending = 0,

    Sent = 1,

    /// <summary>Nothing to send to: the shopper has no e-mail address or phone number.</summary>
    NoContact = 2,
}

[GenerateSerializer, Immutable, Alias("k8shop.notifications.NotificationLine")]
public sealed record NotificationLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] string? Title,
    [property: Id(2)] int Quantity,
    [property: Id(3)] decimal Price,
    [property: Id(4)] decimal Total);

/// <summary>What to tell a shopper, and the id of the message it came from (the dedupe key).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.notifications.NotificationRequest")]
public sealed record NotificationRequest(
    [property: Id(0)] string MessageId,
    [property: Id(1)] NotificationTemplate Template,
    [property: Id(2)] string? OrderId,
    [property: Id(3)] string? Sku,
    [property: Id(4)] ImmutableArray<NotificationLine> Lines,
    [property: Id(5)] decimal? Total,
    [property: Id(6)] string? Reason,
    [property: Id(7)] string? Title = null);

/// <summary>One notification in a shopper's history.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.notifications.NotificationEntry")]
public sealed record NotificationEntry(
    [property: Id(0)] string MessageId,
    [property: Id(1)] NotificationTemplate Template,
    [property: Id(2)] NotificationStatus Status,
    [property: Id(3)] string Subject,
    [property: Id(4)] ImmutableArray<string> Channels,
    [property: Id(5)] string? OrderId,
    [property: Id(6)] string? Sku,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset? SentAt,
    [property: Id(9)] int Attempts);

[GenerateSerializer, Immutable, Alias("k8shop.notifications.NotificationPage")]
public sealed record NotificationPage([property: Id(0)] ImmutableArray<NotificationEntry> Entries, [property: Id(1)] int Total);

/// <summary>Where a shopper is reached. Personal data: stored, never logged.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.notifications.NotificationContact")]
public sealed record NotificationContact([property: Id(0)] string? Email, [property: Id(1)] string? Phone);

[GenerateSerializer, Immutable, Alias("k8shop.notifications.BackInStockSubscription")]
public sealed record BackInStockSubscription(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Sku,
    [property: Id(2)] DateTimeOffset RegisteredAt);
