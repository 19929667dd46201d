using K8Shop.Identity.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace K8Shop.Identity.Pages;

/// <summary><c>/identity/signin</c>: e-mail and password; five failures lock the account for five minutes.</summary>
internal static class SignInPage
{
    public const string Path = "/identity/signin";
    public const string WrongCredentials = "The e-mail or password is not correct.";
    public const string LockedOut = "This account is locked for a few minutes after too many failed sign-ins. Try again later, or reset your password.";

    public static IResult Show(HttpContext context, string? returnUrl) => Render(context, null, returnUrl, null);

    public static async Task<IResult> SubmitAsync(HttpContext context, UserManager<ShopUser> users, SignInManager<ShopUser> signIn)
    {
        var form = await PageForm.ReadValidAsync(context);
        if (form is null)
            return Render(context, null, context.Request.Query["returnUrl"], [PageForm.ExpiredMessage], StatusCodes.Status400BadRequest);
        string email = form["email"].ToString().Trim(), password = form["password"].ToString(), returnUrl = form["returnUrl"].ToString();

        var user = email.Length > 0 ? await users.FindByEmailAsync(email) : null;
        if (user is null)
            return Render(context, email, returnUrl, [WrongCredentials], StatusCodes.Status400BadRequest);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return Results.LocalRedirect(PageForm.LocalOrHome(returnUrl));
        return Render(context, email, returnUrl, [result.IsLockedOut ? LockedOut : WrongCredentials], StatusCodes.Status400BadRequest);
    }

    private static IResult Render(HttpContext context, string? email, string? returnUrl, IReadOnlyList<string>? errors, int status = StatusCodes.Status200OK)
    {
        var back = Uri.EscapeDataString(PageForm.LocalOrHome(returnUrl));
        var form = new PageForm(context, Path)
            .Field("email", "E-mail", "email", "username", email)
            .Field("password", "Password", "password", "current-password")
            .Hidden("returnUrl", PageForm.LocalOrHome(returnUrl))
            .Submit("Sign in");
        var links = $"""<p class="identity-links"><a href="{SignUpPage.Path}?returnUrl={back}">Create an account</a> · <a href="{ForgotPasswordPage.Path}">Forgot your password?</a></p>""";
        return PageLayout.Render(context, "Sign in", form + "\n" + links, errors, status);
    }
}
