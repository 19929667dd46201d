using K8Shop.Identity.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace K8Shop.Identity.Pages;

/// <summary><c>/identity/change-password</c>, signed in: the current password and a new one. Other sessions' refresh tokens stop working.</summary>
internal static class ChangePasswordPage
{
    public const string Path = "/identity/change-password";
    public const string Changed = "Your password was changed.";

    public static async Task<IResult> ShowAsync(HttpContext context, UserManager<ShopUser> users) =>
        await users.GetUserAsync(context.User) is null ? SignInFirst() : Render(context, null);

    public static async Task<IResult> SubmitAsync(HttpContext context, UserManager<ShopUser> users, SignInManager<ShopUser> signIn)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null)
            return SignInFirst();
        var form = await PageForm.ReadValidAsync(context);
        if (form is null)
            return Render(context, [PageForm.ExpiredMessage], StatusCodes.Status400BadRequest);
        string current = form["currentPassword"].ToString(), password = form["password"].ToString(), confirm = form["confirmPassword"].ToString();
        if (password != confirm)
            return Render(context, ["The two new passwords do not match."], StatusCodes.Status400BadRequest);

        var changed = await users.ChangePasswordAsync(user, current, password);
        if (!changed.Succeeded)
            return Render(context, [.. AccountErrors.Describe(changed)], StatusCodes.Status400BadRequest);
        // The new security stamp goes into this browser's cookie, so only this session stays signed in.
        await signIn.RefreshSignInAsync(user);
        return PageLayout.Render(context, "Password changed", $"""<p>{PageLayout.Encode(Changed)}</p><p><a href="/">Back to the shop</a></p>""");
    }

    private static IResult SignInFirst() => Results.LocalRedirect($"{SignInPage.Path}?returnUrl={Uri.EscapeDataString(Path)}");

    private static IResult Render(HttpContext context, IReadOnlyList<string>? errors, int status = StatusCodes.Status200OK)
    {
        var form = new PageForm(context, Path)
            .Field("currentPassword", "Current password", "password", "current-password")
            .Field("password", "New password (at least 8 characters)", "password", "new-password")
            .Field("confirmPassword", "Repeat the new password", "password", "new-password")
            .Submit("Change password");
        return PageLayout.Render(context, "Change your password", form, errors, status);
    }
}
