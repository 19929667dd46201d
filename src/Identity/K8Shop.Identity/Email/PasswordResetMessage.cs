using System.Text.Encodings.Web;
using MimeKit;

namespace K8Shop.Identity.Email;

/// <summary>The text and HTML of the password reset e-mail.</summary>
internal static class PasswordResetMessage
{
    public static BodyBuilder Body(AccountEmailRecipient recipient, Uri resetLink)
    {
        var greeting = string.IsNullOrWhiteSpace(recipient.DisplayName) ? "Hello," : $"Hello {recipient.DisplayName},";
        var link = resetLink.AbsoluteUri;
        return new BodyBuilder
        {
            TextBody = $"""
                {greeting}

                Someone asked to reset the password of your K8Shop account. To choose a new one, open this link within an hour:

                {link}

                If it was not you, ignore this e-mail: your password stays as it is.
                """,
            HtmlBody = $"""
                <p>{HtmlEncoder.Default.Encode(greeting)}</p>
                <p>Someone asked to reset the password of your K8Shop account. To choose a new one, open this link within an hour:</p>
                <p><a href="{HtmlEncoder.Default.Encode(link)}">Choose a new password</a></p>
                <p>If it was not you, ignore this e-mail: your password stays as it is.</p>
                """,
        };
    }
}
