using System.Net.Mail;
using K8Shop.Identity.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace K8Shop.Identity.Pages;

/// <summary><c>/identity/signup</c>: a new shopper account, signed in at once.</summary>
internal static class SignUpPage
{
    public const string Path = "/identity/signup";

    public static IResult Show(HttpContext context, string? returnUrl) => Render(context, null, null, returnUrl, null);

    public static async Task<IResult> SubmitAsync(HttpContext context, UserManager<ShopUser> users, SignInManager<ShopUser> signIn)
    {
        var form = await PageForm.ReadValidAsync(context);
        if (form is null)
            return Render(context, null, null, context.Request.Query["returnUrl"], [PageForm.ExpiredMessage], StatusCodes.Status400BadRequest);
        string name = form["name"].ToString().Trim(), email = form["email"].ToString().Trim(), returnUrl = form["returnUrl"].ToString();
        string password = form["password"].ToString(), confirm = form["confirmPassword"].ToString();

        var errors = new List<string>();
        if (name.Length is 0 or > 100)
            errors.Add("Enter your name (up to 100 characters).");
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || email.Length > 256)
            errors.Add("Enter a valid e-mail address.");
        if (password != confirm)
            errors.Add("The two passwords do not match.");
        if (errors.Count == 0)
        {
            var user = new ShopUser { UserName = email, Email = email, DisplayName = name };
            var created = await users.CreateAsync(user, password);
            if (created.Succeeded)
            {
                await signIn.SignInAsync(user, isPersistent: false);
                return Results.LocalRedirect(PageForm.LocalOrHome(returnUrl));
            }
            errors.AddRange(AccountErrors.Describe(created));
        }
        return Render(context, name, email, returnUrl, errors, StatusCodes.Status400BadRequest);
    }

    private static IResult Render(HttpContext context, string? name, string? email, string? returnUrl, IReadOnlyList<string>? errors,
        int status = StatusCodes.Status200OK)
    {
        var form = new PageForm(context, Path)
            .Field("name", "Your name", "text", "name", name)
            .Field("email", "E-mail", "email", "email", email)
            .Field("password", "Password (at least 8 characters)", "password", "new-password")
            .Field("confirmPassword", "Repeat the password", "password", "new-password")
            .Hidden("returnUrl", PageForm.LocalOrHome(returnUrl))
            .Submit("Create account");
        var back = Uri.EscapeDataString(PageForm.LocalOrHome(returnUrl));
        var links = $"""<p class="identity-links">Already have an account? <a href="{SignInPage.Path}?returnUrl={back}">Sign in</a></p>""";
        return PageLayout.Render(context, "Create an account", form + "\n" + links, errors, status);
    }
}
