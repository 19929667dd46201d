using System.Collections.Immutable;
using K8Shop.Contracts.Ids;
using K8Shop.Contracts.Notifications;
using K8Shop.Contracts.Rules;

namespace K8Shop.Grains.Notifications;

/// <summary>
/// The dedupe rules over a shopper's history: a message id that was sent (or had nowhere to go) is never acted on
/// again; one still <see cref="NotificationStatus.Sending"/> was interrupted between recording and confirming, so it
/// is sent again with the same SMTP Message-ID.
/// </summary>
public static class NotificationHistory
{
    private static readonly Guid EmailIdNamespace = new("b7d0f0a4-5c1e-4e83-9a57-0d3f6c2e8a11");

    public static NotificationEntry? Find(ImmutableArray<NotificationEntry> entries, string messageId) =>
        IndexOf(entries, messageId) is var index and >= 0 ? entries[index] : null;

    /// <summary>True when the message must be (re)sent: never seen, or recorded but not confirmed sent.</summary>
    public static bool NeedsSending(NotificationEntry? existing) => existing is null or { Status: NotificationStatus.Sending };

    /// <summary>Replaces the entry of the same message id, or appends it; then keeps the newest <paramref name="max"/>.</summary>
    public static ImmutableArray<NotificationEntry> Upsert(ImmutableArray<NotificationEntry> entries, NotificationEntry entry, int max)
    {
        var index = IndexOf(entries, entry.MessageId);
        var updated = index >= 0 ? entries.SetItem(index, entry) : entries.Add(entry);
        return updated.Length > max ? updated.RemoveRange(0, updated.Length - max) : updated;
    }

    /// <summary>Newest first.</summary>
    public static ImmutableArray<NotificationEntry> Page(ImmutableArray<NotificationEntry> entries, int skip, int take) =>
        [.. entries.Reverse().Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, ShopLimits.Paging.MaxPageSize))];

    private static int IndexOf(ImmutableArray<NotificationEntry> entries, string messageId)
    {
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            if (string.Equals(entries[i].MessageId, messageId, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }

    /// <summary>The SMTP Message-ID of a notification: the same for every send of one event's message to one shopper.</summary>
    public static string EmailMessageId(string userId, string messageId) =>
        $"{NameBasedGuid.Create(EmailIdNamespace, $"{userId}|{messageId}"):N}@notifications.k8shop";
}
