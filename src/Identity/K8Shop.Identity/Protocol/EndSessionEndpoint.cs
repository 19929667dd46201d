using K8Shop.Identity.Accounts;
using K8Shop.Identity.Pages;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace K8Shop.Identity.Protocol;

/// <summary>
/// <c>/connect/endsession</c> after OpenIddict validated it (client, registered post-logout URI): a signed-in shopper
/// confirms on a page that posts the request back; then the session ends and OpenIddict redirects to the client.
/// </summary>
internal static class EndSessionEndpoint
{
    public const string Path = "/connect/endsession";

    public static async Task<IResult> ShowAsync(HttpContext context, SignInManager<ShopUser> signIn)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (context.User.Identity?.IsAuthenticated != true)
            return await EndAsync(context, signIn, request);
        var carried = request.GetParameters().Select(parameter => KeyValuePair.Create(parameter.Key, (string?)parameter.Value.ToString()));
        return SignOutPage.Confirm(context, Path, carried);
    }

    public static async Task<IResult> SubmitAsync(HttpContext context, SignInManager<ShopUser> signIn)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (await PageForm.ReadValidAsync(context) is null)
            return PageLayout.Render(context, "Sign out", "", [PageForm.ExpiredMessage], StatusCodes.Status400BadRequest);
        return await EndAsync(context, signIn, request);
    }

    private static async Task<IResult> EndAsync(HttpContext context, SignInManager<ShopUser> signIn, OpenIddictRequest request)
    {
        await signIn.SignOutAsync();
        if (string.IsNullOrEmpty(request.PostLogoutRedirectUri))
            return SignOutPage.Done(context);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
