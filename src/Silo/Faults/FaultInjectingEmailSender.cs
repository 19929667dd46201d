using K8Shop.Contracts.Faults;
using K8Shop.Faults.Injection;
using K8Shop.Grains.Notifications;
using MailKit.Net.Smtp;

namespace K8Shop.Silo.Faults;

/// <summary>
/// <c>smtp-slow</c>, <c>smtp-4xx</c> and <c>smtp-5xx</c> in front of the e-mail sender: the send waits, or fails with the
/// <see cref="SmtpCommandException"/> MailKit raises when the server refuses the message (450 mailbox busy: transient;
/// 554 transaction failed: permanent), before the server is asked. The notification grain and the consumer then handle it
/// as a real refusal: the entry stays unsent, the message goes back to the queue and is redelivered up to the delivery
/// limit, then dead-lettered. Scope: the user the e-mail is for.
/// </summary>
public sealed class FaultInjectingEmailSender(IEmailSender inner, IFaultInjector faults) : IEmailSender
{
    public Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default) =>
        faults.AnyActive ? SendWithFaultsAsync(email, cancellationToken) : inner.SendAsync(email, cancellationToken);

    private async Task SendWithFaultsAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var scope = FaultScope.ForUser(email.UserId);
        await faults.InjectAsync(FaultNames.SmtpSlow, scope, cancellationToken: cancellationToken);
        await faults.InjectAsync(FaultNames.Smtp5xx, scope, Permanent, cancellationToken);
        await faults.InjectAsync(FaultNames.Smtp4xx, scope, Transient, cancellationToken);
        await inner.SendAsync(email, cancellationToken);
    }

    private static SmtpCommandException Transient() => new(
        SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.MailboxBusy, $"4.3.2 Service temporarily unavailable, try again later (fault drill: {FaultNames.Smtp4xx})");

    private static SmtpCommandException Permanent() => new(
        SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, $"5.7.1 Message rejected (fault drill: {FaultNames.Smtp5xx})");
}
