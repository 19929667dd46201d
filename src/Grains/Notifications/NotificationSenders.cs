using Microsoft.Extensions.Logging;

namespace K8Shop.Grains.Notifications;

/// <summary>An e-mail ready to go. <see cref="MessageId"/> is derived from the event, so a resend carries the same one.</summary>
public sealed record OutgoingEmail(string UserId, string To, string Subject, string TextBody, string HtmlBody, string MessageId, string Template);

/// <summary>A text message; <see cref="IdempotencyKey"/> is the same on every resend of one notification.</summary>
public sealed record OutgoingSms(string UserId, string To, string Text, string IdempotencyKey, string Template);

/// <summary>Sends e-mail (SMTP in the cluster profile). Throws when the message was not accepted.</summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default);
}

/// <summary>Sends SMS through whatever provider is plugged in. Throws when the message was not accepted.</summary>
public interface ISmsSender
{
    Task SendAsync(OutgoingSms sms, CancellationToken cancellationToken = default);
}

/// <summary>Embedded mode without an SMTP server: logs that an e-mail would go out (user and template; never the address).</summary>
public sealed partial class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender
{
    public Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        LogEmail(email.UserId, email.Template, email.MessageId);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail {Template} for user {UserId} (Message-ID {MessageId}) logged, not sent: no SMTP server is configured")]
    private partial void LogEmail(string userId, string template, string messageId);
}

/// <summary>The default SMS sender: logs the user and template, never the number or the text.</summary>
public sealed partial class LoggingSmsSender(ILogger<LoggingSmsSender> logger) : ISmsSender
{
    public Task SendAsync(OutgoingSms sms, CancellationToken cancellationToken = default)
    {
        LogSms(sms.UserId, sms.Template, sms.IdempotencyKey);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {Template} for user {UserId} ({IdempotencyKey}) logged, not sent: no SMS provider is plugged in")]
    private partial void LogSms(string userId, string template, string idempotencyKey);
}
