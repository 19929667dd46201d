using K8Shop.Contracts.Notifications;
using K8Shop.Grains.Notifications;

namespace K8Shop.GrainTests.Notifications;

[Collection(ClusterCollection.Name)]
public sealed class NotificationGrainTests(ClusterFixture cluster)
{
    private static string NewUser() => $"user-{Guid.NewGuid():N}";

    private static NotificationRequest Confirmed(string messageId) => new(messageId, NotificationTemplate.OrderConfirmed, "o-" + messageId, null,
        [new NotificationLine("BOOK-001", "A book", 1, 10m, 10m)], 10m, null);

    [Fact]
    public async Task Notify_TheSameMessageIdTwice_SendsOneEmail_AndAnswersTheSameEntry()
    {
        var user = NewUser();
        var grain = cluster.Grains.GetGrain<INotificationGrain>(user);

        var first = await grain.NotifyAsync(Confirmed("m-1"));
        var again = await grain.NotifyAsync(Confirmed("m-1"));

        var email = Assert.Single(ClusterFixture.Mail.EmailsTo(user));
        Assert.Equal($"{user}@example.test", email.To);
        Assert.Equal(NotificationHistory.EmailMessageId(user, "m-1"), email.MessageId);
        Assert.Equal((NotificationStatus.Sent, 1), (first.Status, first.Attempts));
        Assert.Equal((first.MessageId, first.Status, first.SentAt, first.Attempts), (again.MessageId, again.Status, again.SentAt, again.Attempts));
    }

    [Fact]
    public async Task Notify_ConcurrentDuplicates_SendOneEmail()
    {
        var user = NewUser();
        var grain = cluster.Grains.GetGrain<INotificationGrain>(user);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => grain.NotifyAsync(Confirmed("dup"))));

        Assert.Single(ClusterFixture.Mail.EmailsTo(user));
    }

    [Fact]
    public async Task Notify_AfterAFailedSend_StaysSending_AndTheRetrySendsWithTheSameMessageId()
    {
        var user = NewUser();
        var grain = cluster.Grains.GetGrain<INotificationGrain>(user);
        ClusterFixture.Mail.FailNext(user, 1);

        await Assert.ThrowsAsync<IOException>(() => grain.NotifyAsync(Confirmed("m-retry")));
        var interrupted = Assert.Single((await grain.ListAsync(0, 10)).Entries);
        var retried = await grain.NotifyAsync(Confirmed("m-retry"));

        Assert.Equal((NotificationStatus.Sending, 1), (interrupted.Status, interrupted.Attempts));
        Assert.Equal((NotificationStatus.Sent, 2), (retried.Status, retried.Attempts));
        Assert.Equal(NotificationHistory.EmailMessageId(user, "m-retry"), Assert.Single(ClusterFixture.Mail.EmailsTo(user)).MessageId);
    }

    [Fact]
    public async Task Notify_UsesTheStoredContact_EmailAndSms()
    {
        var user = NewUser();
        var grain = cluster.Grains.GetGrain<INotificationGrain>(user);
        await grain.SetContactAsync(new NotificationContact("shopper@mail.example.org", "+34612345678"));

        var entry = await grain.NotifyAsync(Confirmed("m-contact"));

        Assert.Equal("shopper@mail.example.org", Assert.Single(ClusterFixture.Mail.EmailsTo(user)).To);
        var sms = Assert.Single(ClusterFixture.Mail.SmsTo(user));
        Assert.Equal(("+34612345678", "m-contact"), (sms.To, sms.IdempotencyKey));
        Assert.Equal(["email", "sms"], entry.Channels.ToArray());
    }

    [Fact]
    public async Task SetContact_Invalid_IsRefusedNamingTheField_AndKeepsTheOldOne()
    {
        var grain = cluster.Grains.GetGrain<INotificationGrain>(NewUser());
        await grain.SetContactAsync(new NotificationContact("ok@example.test", null));

        var error = await Assert.ThrowsAsync<ContactRuleException>(() => grain.SetContactAsync(new NotificationContact("nope", null)));

        Assert.Equal("email", error.Field);
        Assert.Equal("ok@example.test", (await grain.GetContactAsync())!.Email);
    }

    [Fact]
    public async Task List_IsNewestFirst_Paged_AndBounded()
    {
        var user = NewUser();
        var grain = cluster.Grains.GetGrain<INotificationGrain>(user);
        for (var i = 0; i < ClusterFixture.NotificationMaxEntries + 5; i++)
        {
            cluster.Clock.Advance(TimeSpan.FromSeconds(1));
            await grain.NotifyAsync(Confirmed($"m-{i}"));
        }

        var page = await grain.ListAsync(0, 3);
        var oldest = await grain.ListAsync(ClusterFixture.NotificationMaxEntries - 1, 10);

        Assert.Equal(ClusterFixture.NotificationMaxEntries, page.Total);
        Assert.Equal(["m-24", "m-23", "m-22"], page.Entries.Select(e => e.MessageId));
        Assert.True(page.Entries[0].CreatedAt > page.Entries[1].CreatedAt);
        Assert.Equal("m-5", Assert.Single(oldest.Entries).MessageId);
    }
}
