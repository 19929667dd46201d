using System.Diagnostics;
using K8Shop.Contracts.Faults;
using K8Shop.Contracts.Notifications;
using K8Shop.Grains.Notifications;
using K8Shop.TestSupport;
using Xunit.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace K8Shop.IntegrationTests.Faults;

/// <summary>
/// <c>smtp-4xx</c>, <c>smtp-5xx</c> and <c>smtp-slow</c> on the notification path (queue, grain, MailKit sender, the test
/// SMTP server): a refused send is redelivered and sent once after the switch goes off; a permanently refused one is
/// dead-lettered by the delivery limit and never sent; a slow server makes the send take that long.
/// </summary>
[Collection(InfraFaultCollection.Name)]
public sealed class SmtpFaultTests(InfraFaultFixture shop, ITestOutputHelper output)
{
    [NotificationFact]
    public async Task Smtp4xx_ScopedToOneUser_TheirEmailIsRetried_AndSentExactlyOnceAfterOff_OthersAtOnce()
    {
        var refused = $"smtp4-{Guid.NewGuid():N}"[..20];
        var other = $"smtp4-{Guid.NewGuid():N}"[..20];
        var grain = shop.Grains.GetGrain<INotificationGrain>(refused);

        await shop.OnAsync(FaultNames.Smtp4xx, scope: FaultScope.ForUser(refused));
        IReadOnlyList<ReceivedMail> whileOn;
        try
        {
            await shop.PublishOrderConfirmedAsync(refused);
            await shop.PublishOrderConfirmedAsync(other);
            await InfraFaultFixture.WaitUntilAsync(async () => (await grain.ListAsync(0, 10)).Entries is [{ Status: NotificationStatus.Sending, Attempts: >= 1 }],
                InfraFaultFixture.Patience, "the refused e-mail was never attempted");
            Assert.Single(await SmtpInbox.WaitForAsync($"{other}@example.test", 1, InfraFaultFixture.Patience));
            whileOn = await SmtpInbox.ForAsync($"{refused}@example.test");
        }
        finally
        {
            await shop.OffAsync(FaultNames.Smtp4xx);
        }

        Assert.Empty(whileOn);
        Assert.Single(await SmtpInbox.WaitForAsync($"{refused}@example.test", 1, InfraFaultFixture.Patience));
        await InfraFaultFixture.WaitUntilAsync(async () => (await grain.ListAsync(0, 10)).Entries is [{ Status: NotificationStatus.Sent }],
            InfraFaultFixture.Patience, "the e-mail was sent but never recorded as sent");
        var entry = Assert.Single((await grain.ListAsync(0, 10)).Entries);
        output.WriteLine($"4xx: sent on attempt {entry.Attempts}");
        Assert.True(entry.Attempts >= 2, $"sent on attempt {entry.Attempts}: the refusal was not retried");
        await Task.Delay(1000);
        Assert.Single(await SmtpInbox.ForAsync($"{refused}@example.test"));
    }

    [NotificationFact]
    public async Task Smtp5xx_ScopedToOneUser_TheEmailIsDeadLetteredByTheDeliveryLimit_AndNeverSent()
    {
        var refused = $"smtp5-{Guid.NewGuid():N}"[..20];
        var before = shop.Injected(FaultNames.Smtp5xx);

        await shop.OnAsync(FaultNames.Smtp5xx, scope: FaultScope.ForUser(refused));
        string messageId;
        string? deadLettered;
        try
        {
            var started = Stopwatch.GetTimestamp();
            messageId = await shop.PublishOrderConfirmedAsync(refused);
            deadLettered = await shop.TakeFromAsync(shop.NotificationQueue + ".dlq", TimeSpan.FromSeconds(60));
            output.WriteLine($"5xx: dead-lettered after {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s, {shop.Injected(FaultNames.Smtp5xx) - before} sends refused");
        }
        finally
        {
            await shop.OffAsync(FaultNames.Smtp5xx);
        }
        await Task.Delay(2000);

        Assert.Equal(messageId, deadLettered);
        Assert.True(shop.Injected(FaultNames.Smtp5xx) - before >= InfraFaultHost.DeliveryLimit, "the message was not delivered up to its limit");
        Assert.Empty(await SmtpInbox.ForAsync($"{refused}@example.test"));
        var entry = Assert.Single((await shop.Grains.GetGrain<INotificationGrain>(refused).ListAsync(0, 10)).Entries);
        Assert.NotEqual(NotificationStatus.Sent, entry.Status);
    }

    [NotificationFact]
    public async Task SmtpSlow_ScopedToOneUser_TheirSendTakesTheLatency_OthersDoNot_AndOffItIsFastAgain()
    {
        const int latencyMs = 1500;
        var slow = $"smtps-{Guid.NewGuid():N}"[..20];
        var other = $"smtps-{Guid.NewGuid():N}"[..20];
        var sender = shop.Host.Services.GetRequiredService<IEmailSender>();

        await shop.OnAsync(FaultNames.SmtpSlow, latencyMs: latencyMs, scope: FaultScope.ForUser(slow));
        TimeSpan delayed, spared;
        try
        {
            delayed = await TimedSendAsync(sender, slow);
            spared = await TimedSendAsync(sender, other);
        }
        finally
        {
            await shop.OffAsync(FaultNames.SmtpSlow);
        }
        var afterOff = await TimedSendAsync(sender, slow);

        Assert.True(delayed >= InfraFaultFixture.AtLeast(latencyMs), $"the send took {delayed.TotalMilliseconds} ms with {latencyMs} ms of latency on");
        Assert.True(spared < TimeSpan.FromMilliseconds(latencyMs), $"another user's send took {spared.TotalMilliseconds} ms");
        Assert.True(afterOff < TimeSpan.FromMilliseconds(latencyMs), $"the send took {afterOff.TotalMilliseconds} ms after the switch went off");
        // Slow, not lost: both of the user's e-mails arrived, once each.
        Assert.Equal(2, (await SmtpInbox.WaitForAsync($"{slow}@example.test", 2, InfraFaultFixture.Patience)).Count);
    }

    private static async Task<TimeSpan> TimedSendAsync(IEmailSender sender, string user)
    {
        var started = Stopwatch.GetTimestamp();
        await sender.SendAsync(new OutgoingEmail(user, $"{user}@example.test", "Fault drill", "text", "<p>html</p>", $"<{Guid.NewGuid():N}@faults.k8shop>", "fault_drill"));
        return Stopwatch.GetElapsedTime(started);
    }
}
