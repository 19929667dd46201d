using K8Shop.Grains.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace K8Shop.Silo.Notifications;

/// <summary>
/// Sends through the configured SMTP server with MailKit, one connection per message (notifications are few). The
/// Message-ID is the notification's own, so a resend after a crash is recognisable as the same message.
/// </summary>
public sealed partial class SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    private readonly SmtpOptions _options = options.Value;

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        var message = new MimeMessage { Subject = email.Subject, MessageId = email.MessageId };
        message.From.Add(MailboxAddress.Parse(_options.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Headers.Add("X-K8Shop-Template", email.Template);
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();

        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        await client.ConnectAsync(_options.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), _options.Port, _options.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(_options.UserName))
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        LogSent(email.UserId, email.Template, email.MessageId);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "E-mail {Template} for user {UserId} accepted by the SMTP server (Message-ID {MessageId})")]
    private partial void LogSent(string userId, string template, string messageId);
}
