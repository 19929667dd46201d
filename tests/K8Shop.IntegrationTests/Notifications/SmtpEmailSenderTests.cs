using K8Shop.Grains.Notifications;
using K8Shop.Silo.Notifications;
using K8Shop.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace K8Shop.IntegrationTests.Notifications;

/// <summary>The MailKit sender against the test SMTP server (scripts/smtp-server.cjs), which records each message's connection.</summary>
public sealed class SmtpEmailSenderTests
{
    [SmtpFact]
    public async Task ManySendsAtOnce_GoOverAtMostMaxConnections_EachKeptAndReused()
    {
        var address = $"pool-{Guid.NewGuid():N}"[..20] + "@example.test";
        using var sender = Sender(new SmtpOptions { Host = TestServices.SmtpHost, Port = TestServices.SmtpPort, MaxConnections = 3 });

        await Task.WhenAll(Enumerable.Range(0, 60).Select(n => sender.SendAsync(Email(address, n))));

        var received = await SmtpInbox.WaitForAsync(address, 60, TimeSpan.FromSeconds(20));
        Assert.Equal(60, received.Count);
        Assert.Equal(60, received.Select(m => m.MessageId).Distinct().Count());
        var connections = received.Select(m => m.Session).Distinct().ToList();
        Assert.DoesNotContain(null, connections);
        Assert.InRange(connections.Count, 1, 3);
    }

    [SmtpFact]
    public async Task AConnectionKeptIdle_IsCheckedBeforeReuse_AndStillCarriesTheNextMessage()
    {
        var address = $"idle-{Guid.NewGuid():N}"[..20] + "@example.test";
        using var sender = Sender(new SmtpOptions
        {
            Host = TestServices.SmtpHost, Port = TestServices.SmtpPort, MaxConnections = 1, IdleCheckAfter = TimeSpan.Zero,
        });

        await sender.SendAsync(Email(address, 0));
        await Task.Delay(50);
        await sender.SendAsync(Email(address, 1));

        var received = await SmtpInbox.WaitForAsync(address, 2, TimeSpan.FromSeconds(20));
        Assert.Equal(2, received.Count);
        Assert.Single(received.Select(m => m.Session).Distinct());
    }

    private static SmtpEmailSender Sender(SmtpOptions options) =>
        new(Options.Create(options), TimeProvider.System, NullLogger<SmtpEmailSender>.Instance);

    private static OutgoingEmail Email(string address, int n) =>
        new("pool-user", address, $"Message {n}", $"Body {n}", $"<p>Body {n}</p>", $"<pool-{Guid.NewGuid():N}@k8shop.test>", "test");
}
