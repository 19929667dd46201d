using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace K8Shop.Identity.Email;

/// <summary>Sends account e-mail with MailKit, one connection per message: resets are rare, so nothing is pooled.</summary>
internal sealed partial class SmtpAccountEmailSender(IOptions<AccountSmtpOptions> options, ILogger<SmtpAccountEmailSender> logger) : IAccountEmailSender
{
    public const string PasswordResetTemplate = "password-reset";

    public async Task SendPasswordResetAsync(AccountEmailRecipient recipient, Uri resetLink, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var message = new MimeMessage { Subject = "Reset your K8Shop password" };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(recipient.DisplayName ?? "", recipient.Email));
        message.Headers.Add("X-K8Shop-Template", PasswordResetTemplate);
        message.Body = PasswordResetMessage.Body(recipient, resetLink).ToMessageBody();

        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), settings.Port, settings.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        LogSent(recipient.UserId, message.MessageId ?? "");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset e-mail for user {UserId} accepted by the SMTP server (Message-ID {MessageId})")]
    private partial void LogSent(string userId, string messageId);
}
