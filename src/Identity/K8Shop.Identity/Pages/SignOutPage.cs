using K8Shop.Identity.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace K8Shop.Identity.Pages;

/// <summary><c>/identity/signout</c>: asks first (a link alone must not sign anyone out), then ends the provider's session.</summary>
internal static class SignOutPage
{
    public const string Path = "/identity/signout";
    public const string SignedOut = "You are signed out.";

    public static IResult Show(HttpContext context) => Confirm(context, Path, []);

    public static async Task<IResult> SubmitAsync(HttpContext context, SignInManager<ShopUser> signIn)
    {
        if (await PageForm.ReadValidAsync(context) is null)
            return PageLayout.Render(context, "Sign out", "", [PageForm.ExpiredMessage], StatusCodes.Status400BadRequest);
        await signIn.SignOutAsync();
        return Done(context);
    }

    /// <summary>The confirmation form; <paramref name="carried"/> are the parameters the end session request must post back.</summary>
    public static IResult Confirm(HttpContext context, string action, IEnumerable<KeyValuePair<string, string?>> carried)
    {
        var form = new PageForm(context, action);
        foreach (var (name, value) in carried)
            form.Hidden(name, value);
        return PageLayout.Render(context, "Sign out", "<p>Sign out of K8Shop on this browser?</p>\n" + form.Submit("Sign out"));
    }

    public static IResult Done(HttpContext context) =>
        PageLayout.Render(context, "Signed out", $"""<p>{PageLayout.Encode(SignedOut)}</p><p><a href="/">Back to the shop</a></p>""");
}
