using System.Net;
using K8Shop.Grains.Notifications;
using K8Shop.Identity.Email;

namespace K8Shop.Silo.Notifications;

/// <summary>
/// The co-hosted provider's account e-mail goes out the way the shop's notifications do: through the silo's
/// <see cref="IEmailSender"/> (SMTP in the cluster profile, logged without a server), under a Message-ID of its own.
/// </summary>
public sealed class NotificationPathAccountEmailSender(IEmailSender email) : IAccountEmailSender
{
    public const string Template = "password-reset";

    public Task SendPasswordResetAsync(AccountEmailRecipient recipient, Uri resetLink, CancellationToken cancellationToken = default)
    {
        var greeting = string.IsNullOrWhiteSpace(recipient.DisplayName) ? "Hello" : $"Hello {recipient.DisplayName}";
        var link = resetLink.AbsoluteUri;
        var text = $"{greeting},\n\nSomeone asked to reset the password of your K8Shop account. If it was you, choose a new one here (the link works once, for an hour):\n\n{link}\n\nIf it was not you, ignore this e-mail; your password stays as it is.\n";
        var html = $"<p>{WebUtility.HtmlEncode(greeting)},</p><p>Someone asked to reset the password of your K8Shop account. If it was you, "
            + $"<a href=\"{WebUtility.HtmlEncode(link)}\">choose a new one</a> (the link works once, for an hour).</p><p>If it was not you, ignore this e-mail; your password stays as it is.</p>";
        return email.SendAsync(new OutgoingEmail(recipient.UserId, recipient.Email, "Reset your K8Shop password", text, html,
            $"<{Template}-{Guid.NewGuid():N}@k8shop>", Template), cancellationToken);
    }
}
