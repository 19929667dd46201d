using Microsoft.Extensions.Logging;

namespace K8Shop.Identity.Email;

/// <summary>Without <c>Smtp:Host</c>: nothing is sent, and the log says so (never the address or the link, which is a credential).</summary>
internal sealed partial class UnsentAccountEmailSender(ILogger<UnsentAccountEmailSender> logger) : IAccountEmailSender
{
    public Task SendPasswordResetAsync(AccountEmailRecipient recipient, Uri resetLink, CancellationToken cancellationToken = default)
    {
        LogNotSent(recipient.UserId);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Password reset e-mail for user {UserId} not sent: Smtp:Host is not set")]
    private partial void LogNotSent(string userId);
}
