using System.Collections.Immutable;
using K8Shop.Contracts.Notifications;
using K8Shop.Grains.Notifications;

namespace K8Shop.UnitTests.Notifications;

public sealed class NotificationHistoryTests
{
    private static NotificationEntry Entry(string id, NotificationStatus status = NotificationStatus.Sent) =>
        new(id, NotificationTemplate.OrderConfirmed, status, "s", ["email"], "o", null, DateTimeOffset.UnixEpoch, null, 1);

    [Fact]
    public void NeedsSending_OnlyForNewOrInterruptedMessages()
    {
        Assert.True(NotificationHistory.NeedsSending(null));
        Assert.True(NotificationHistory.NeedsSending(Entry("a", NotificationStatus.Sending)));
        Assert.False(NotificationHistory.NeedsSending(Entry("a", NotificationStatus.Sent)));
        Assert.False(NotificationHistory.NeedsSending(Entry("a", NotificationStatus.NoContact)));
    }

    [Fact]
    public void Upsert_ReplacesTheSameMessageId_InPlace()
    {
        ImmutableArray<NotificationEntry> entries = [Entry("a"), Entry("b", NotificationStatus.Sending), Entry("c")];

        var updated = NotificationHistory.Upsert(entries, Entry("b"), max: 10);

        Assert.Equal(["a", "b", "c"], updated.Select(e => e.MessageId));
        Assert.Equal(NotificationStatus.Sent, NotificationHistory.Find(updated, "b")!.Status);
    }

    [Fact]
    public void Upsert_PastTheBound_ForgetsTheOldest()
    {
        ImmutableArray<NotificationEntry> entries = [Entry("a"), Entry("b"), Entry("c")];

        var updated = NotificationHistory.Upsert(entries, Entry("d"), max: 3);

        Assert.Equal(["b", "c", "d"], updated.Select(e => e.MessageId));
        Assert.Null(NotificationHistory.Find(updated, "a"));
    }

    [Fact]
    public void Page_IsNewestFirst()
    {
        ImmutableArray<NotificationEntry> entries = [Entry("a"), Entry("b"), Entry("c"), Entry("d")];

        Assert.Equal(["d", "c"], NotificationHistory.Page(entries, 0, 2).Select(e => e.MessageId));
        Assert.Equal(["b", "a"], NotificationHistory.Page(entries, 2, 5).Select(e => e.MessageId));
    }

    [Fact]
    public void EmailMessageId_IsTheSameForOneMessageAndUser_AndDiffersOtherwise()
    {
        var first = NotificationHistory.EmailMessageId("ana", "m-1");

        Assert.Equal(first, NotificationHistory.EmailMessageId("ana", "m-1"));
        Assert.NotEqual(first, NotificationHistory.EmailMessageId("bob", "m-1"));
        Assert.NotEqual(first, NotificationHistory.EmailMessageId("ana", "m-2"));
        Assert.Matches("^[0-9a-f]{32}@notifications\\.k8shop$", first);
    }
}
