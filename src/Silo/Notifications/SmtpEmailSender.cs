using System.Collections.Concurrent;
using K8Shop.Grains.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace K8Shop.Silo.Notifications;

/// <summary>
/// Sends through the configured SMTP server with MailKit. Connections are kept and reused, one message at a time each:
/// opening one per message costs more than the message at checkout rates. At most <see cref="SmtpOptions.MaxConnections"/>
/// are open; a send beyond them waits for one. A connection idle for a while is checked (NOOP) before it carries a
/// message, so one the server closed while idle is replaced before anything is sent; a send that fails once it started
/// is never repeated here, since the server may have taken the message: the failure goes back to the caller, whose
/// redelivery sends it again under the same Message-ID.
/// </summary>
public sealed partial class SmtpEmailSender(IOptions<SmtpOptions> options, TimeProvider clock, ILogger<SmtpEmailSender> logger) : IEmailSender, IDisposable
{
    private readonly SmtpOptions _options = options.Value;
    private readonly SemaphoreSlim _connections = new(options.Value.MaxConnections, options.Value.MaxConnections);
    private readonly ConcurrentBag<(SmtpClient Client, long ReturnedAt)> _idle = [];

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        var message = new MimeMessage { Subject = email.Subject, MessageId = email.MessageId };
        message.From.Add(MailboxAddress.Parse(_options.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Headers.Add("X-K8Shop-Template", email.Template);
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();

        using var activity = NotificationTelemetry.StartEmail(email.Template);
        await _connections.WaitAsync(cancellationToken);
        try
        {
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
        }
        finally
        {
            _connections.Release();
        }
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
        while (_idle.TryTake(out var idle))
            idle.Client.Dispose();
        _connections.Dispose();
    }

    /// <summary>A kept connection that still answers (checked if it was idle a while), or a new one.</summary>
    private async Task<SmtpClient> RentAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var kept))
        {
            var idle = kept.Client;
            try
            {
                if (idle.IsConnected)
                {
                    if (clock.GetElapsedTime(kept.ReturnedAt) > _options.IdleCheckAfter)
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

    /// <summary>Keeps a connection that is still open; at most one per permit exists, so the kept ones need no cap.</summary>
    private void Return(SmtpClient client)
    {
        if (client.IsConnected)
            _idle.Add((client, clock.GetTimestamp()));
        else
            client.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "E-mail {Template} for user {UserId} accepted by the SMTP server (Message-ID {MessageId})")]
    private partial void LogSent(string userId, string template, string messageId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A kept SMTP connection no longer answers ({Error}); a new one is opened")]
    private partial void LogIdleDropped(string error);
}
