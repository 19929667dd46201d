using System.Text;
using K8Shop.Identity.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace K8Shop.Identity.Pages;

/// <summary><c>/identity/reset-password?user=…&amp;token=…</c>: the link from the e-mail; a new password, which also lifts a lockout.</summary>
internal static class ResetPasswordPage
{
    public const string Path = "/identity/reset-password";
    public const string InvalidLink = "This reset link is invalid or has expired. Ask for a new one.";
    public const string Changed = "Your password was changed. You can sign in with it now.";

    public static IResult Show(HttpContext context, string? user, string? token) => Render(context, user, token, null);

    public static async Task<IResult> SubmitAsync(HttpContext context, UserManager<ShopUser> users)
    {
        var form = await PageForm.ReadValidAsync(context);
        if (form is null)
            return Render(context, null, null, [PageForm.ExpiredMessage], StatusCodes.Status400BadRequest);
        string userId = form["user"].ToString(), token = form["token"].ToString();
        string password = form["password"].ToString(), confirm = form["confirmPassword"].ToString();
        if (password != confirm)
            return Render(context, userId, token, ["The two passwords do not match."], StatusCodes.Status400BadRequest);

        var user = await users.FindByIdAsync(userId);
        var decoded = Decode(token);
        if (user is null || decoded is null)
            return Render(context, userId, token, [InvalidLink], StatusCodes.Status400BadRequest);
        var reset = await users.ResetPasswordAsync(user, decoded, password);
        if (!reset.Succeeded)
            return Render(context, userId, token, [.. AccountErrors.Describe(reset)], StatusCodes.Status400BadRequest);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return PageLayout.Render(context, "Password changed", $"""<p>{PageLayout.Encode(Changed)}</p><p><a class="button primary" href="{SignInPage.Path}">Sign in</a></p>""");
    }

    private static string? Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static IResult Render(HttpContext context, string? user, string? token, IReadOnlyList<string>? errors, int status = StatusCodes.Status200OK)
    {
        var form = new PageForm(context, Path)
            .Field("password", "New password (at least 8 characters)", "password", "new-password")
            .Field("confirmPassword", "Repeat the new password", "password", "new-password")
            .Hidden("user", user)
            .Hidden("token", token)
            .Submit("Set new password");
        return PageLayout.Render(context, "Choose a new password", form, errors, status);
    }
}
