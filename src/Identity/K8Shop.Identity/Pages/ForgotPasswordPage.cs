using K8Shop.Identity.Accounts;
using K8Shop.Identity.Configuration;
using K8Shop.Identity.Email;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8Shop.Identity.Pages;

/// <summary>
/// <c>/identity/forgot-password</c>: mails a reset link when the address has an account. The answer is the same either
/// way, and a failed send is logged, not shown, so the page never tells whether an address is registered.
/// </summary>
internal static partial class ForgotPasswordPage
{
    public const string Path = "/identity/forgot-password";
    public const string Sent = "If an account exists for that address, we have sent it a link to reset the password. The link works for one hour.";

    public static IResult Show(HttpContext context) => Render(context, null, null);

    public static async Task<IResult> SubmitAsync(HttpContext context, UserManager<ShopUser> users, IAccountEmailSender sender,
        IOptions<IdentityProviderOptions> options, ILogger<PasswordResetLog> logger, CancellationToken cancellationToken)
    {
        var form = await PageForm.ReadValidAsync(context);
        if (form is null)
            return Render(context, null, [PageForm.ExpiredMessage], StatusCodes.Status400BadRequest);
        var email = form["email"].ToString().Trim();
        if (email.Length == 0)
            return Render(context, null, ["Enter the e-mail address of your account."], StatusCodes.Status400BadRequest);

        if (await users.FindByEmailAsync(email) is { Email: not null } user)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = new Uri($"{SiteOrigin(context, options.Value)}{ResetPasswordPage.Path}?user={user.Id}&token={WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}");
            try
            {
                await sender.SendPasswordResetAsync(new AccountEmailRecipient(user.Id, user.Email, user.DisplayName), link, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                PasswordResetLog.SendFailed(logger, user.Id, ex.GetType().Name);
            }
        }
        return PageLayout.Render(context, "Check your e-mail", $"""<p>{PageLayout.Encode(Sent)}</p><p><a href="{SignInPage.Path}">Back to sign in</a></p>""");
    }

    /// <summary>Where links in e-mail point: the configured issuer, else the origin this request came to.</summary>
    private static string SiteOrigin(HttpContext context, IdentityProviderOptions options) =>
        options.Issuer is { } issuer ? issuer.GetLeftPart(UriPartial.Path).TrimEnd('/') : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    private static IResult Render(HttpContext context, string? email, IReadOnlyList<string>? errors, int status = StatusCodes.Status200OK)
    {
        var form = new PageForm(context, Path).Field("email", "E-mail", "email", "email", email).Submit("Send reset link");
        return PageLayout.Render(context, "Forgot your password?", "<p>Enter your e-mail address and we will send you a link to choose a new password.</p>\n" + form,
            errors, status);
    }
}

/// <summary>The log category of password reset e-mail. Neither the address nor the link is ever logged.</summary>
internal sealed partial class PasswordResetLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Password reset e-mail for user {UserId} was not sent ({Error})")]
    public static partial void SendFailed(ILogger logger, string userId, string error);
}
