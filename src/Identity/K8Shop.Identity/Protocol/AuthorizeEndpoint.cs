using K8Shop.Identity.Accounts;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace K8Shop.Identity.Protocol;

/// <summary>
/// <c>/connect/authorize</c> after OpenIddict validated the request (client, redirect URI, PKCE): a shopper without a
/// session is sent to the sign-in page and comes back here; one with a session gets a code. Consent is implicit.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, UserManager<ShopUser> users, SignInManager<ShopUser> signIn,
        TokenPrincipals principals, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;

        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
                return ProtocolResults.Forbid(Errors.LoginRequired, "The user is not signed in.");
            return Results.Challenge(new AuthenticationProperties { RedirectUri = ReturnUrlWithout(context, request, Parameters.Prompt) },
                [IdentityConstants.ApplicationScheme]);
        }
        if (!await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            return ProtocolResults.Forbid(Errors.AccessDenied, "This account cannot sign in.");

        var principal = await principals.ForAccountAsync(user, request.GetScopes(), cancellationToken);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>This request as a local GET URL, so the sign-in page returns here; <c>prompt=login</c> dropped, or it would ask forever.</summary>
    private static string ReturnUrlWithout(HttpContext context, OpenIddictRequest request, string dropped)
    {
        var parameters = request.GetParameters()
            .Where(parameter => parameter.Key != dropped)
            .Select(parameter => KeyValuePair.Create(parameter.Key, (string?)parameter.Value.ToString()));
        return context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
    }
}
