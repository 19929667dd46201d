using System.Collections.Concurrent;
using K8Shop.Grains.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace K8Shop.Silo.Notifications;

/// <summary>
/// Sends through the configured SMTP server with MailKit. Connections are kept and reused, one message at a time each:
/// opening one per message costs more than the message at checkout rates. A kept connection is checked (NOOP) before
/// it carries a message, so one the server closed while idle is replaced before anything is sent; a send that fails
/// once it started is never repeated here, since the server may have taken the message: the failure goes back to the
/// caller, whose redelivery sends it again under the same Message-ID.
/// </summary>
public sealed partial class SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender, IDisposable
{
    private const int MaxIdleConnections = 8;

    private readonly SmtpOptions _options = options.Value;
    private readonly ConcurrentBag<SmtpClient> _idle = [];

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        var message = new MimeMessage { Subject = email.Subject, MessageId = email.MessageId };
        message.From.Add(MailboxAddress.Parse(_options.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Headers.Add("X-K8Shop-Template", email.Template);
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();

        using var activity = NotificationTelemetry.StartEmail(email.Template);
        SmtpClient client;
        try
        {
            client = await RentAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            Failed(activity, ex, cancellationToken);
            throw;
        }
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (Exception ex)
        {
            Failed(activity, ex, cancellationToken);
            client.Dispose();
            throw;
        }
        NotificationTelemetry.EmailSent();
        Return(client);
        LogSent(email.UserId, email.Template, email.MessageId);
    }

    private static void Failed(System.Diagnostics.Activity? activity, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            return;
        var reason = exception switch
        {
            TimeoutException or OperationCanceledException => NotificationTelemetry.Reasons.Timeout,
            SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 } => NotificationTelemetry.Reasons.Permanent,
            _ => NotificationTelemetry.Reasons.Transient,
        };
        NotificationTelemetry.EmailFailed(reason);
        activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, reason);
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var client))
            client.Dispose();
    }

    /// <summary>A kept connection that still answers, or a new one.</summary>
    private async Task<SmtpClient> RentAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var idle))
        {
            try
            {
                if (idle.IsConnected)
                {
                    await idle.NoOpAsync(cancellationToken);
                    return idle;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogIdleDropped(ex.GetType().Name);
            }
            idle.Dispose();
        }
        return await ConnectAsync(cancellationToken);
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(_options.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), _options.Port,
                _options.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(_options.UserName))
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private void Return(SmtpClient client)
    {
        if (client.IsConnected && _idle.Count < MaxIdleConnections)
            _idle.Add(client);
        else
            client.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "E-mail {Template} for user {UserId} accepted by the SMTP server (Message-ID {MessageId})")]
    private partial void LogSent(string userId, string template, string messageId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A kept SMTP connection no longer answers ({Error}); a new one is opened")]
    private partial void LogIdleDropped(string error);
}
