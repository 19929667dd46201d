namespace K8Shop.Identity.Email;

/// <summary>
/// Sends the account e-mail of the identity provider. The default goes through the <c>Smtp</c> server; a host may
/// register its own (e.g. through the shop's notification path) before or instead of it.
/// </summary>
public interface IAccountEmailSender
{
    /// <summary>Sends the link that lets the account choose a new password.</summary>
    Task SendPasswordResetAsync(AccountEmailRecipient recipient, Uri resetLink, CancellationToken cancellationToken = default);
}

/// <summary>Who an account e-mail is for. The address is personal data: never log it.</summary>
public sealed record AccountEmailRecipient(string UserId, string Email, string? DisplayName);
