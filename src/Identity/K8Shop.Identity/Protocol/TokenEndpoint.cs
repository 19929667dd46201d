using K8Shop.Identity.Accounts;
using K8Shop.Identity.Clients;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using System.Collections.Immutable;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace K8Shop.Identity.Protocol;

/// <summary>
/// <c>/connect/token</c> after OpenIddict checked the client, its secret, its permissions and the code or refresh token
/// (PKCE, rotation and reuse detection are OpenIddict's). Here: who the token is for, with claims read fresh.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, UserManager<ShopUser> users, SignInManager<ShopUser> signIn,
        IOpenIddictApplicationManager applications, TokenPrincipals principals, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
            return await RenewForAccountAsync(context, users, signIn, principals, cancellationToken);
        if (request.IsClientCredentialsGrantType())
            return await ForClientAsync(request, applications, principals, cancellationToken);
        if (request.IsPasswordGrantType())
            return await ForPasswordAsync(request, users, signIn, principals, cancellationToken);
        return ProtocolResults.Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> RenewForAccountAsync(HttpContext context, UserManager<ShopUser> users, SignInManager<ShopUser> signIn,
        TokenPrincipals principals, CancellationToken cancellationToken)
    {
        var stored = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = stored?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (stored is null || user is null)
            return ProtocolResults.Forbid(Errors.InvalidGrant, "The account no longer exists.");
        // A password change or reset renews the security stamp: tokens issued before it stop renewing.
        if (!TokenPrincipals.HasCurrentSecurityStamp(stored, user) || !await signIn.CanSignInAsync(user))
            return ProtocolResults.Forbid(Errors.InvalidGrant, "The sign-in is no longer valid; sign in again.");
        var principal = await principals.ForAccountAsync(user, stored.GetScopes(), cancellationToken);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> ForClientAsync(OpenIddictRequest request, IOpenIddictApplicationManager applications, TokenPrincipals principals,
        CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
            ?? throw new InvalidOperationException("OpenIddict authenticated a client that is not stored.");
        var displayName = await applications.GetDisplayNameAsync(application, cancellationToken);
        var principal = await principals.ForClientAsync(request.ClientId!, displayName, ScopesOrApi(request), cancellationToken);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> ForPasswordAsync(OpenIddictRequest request, UserManager<ShopUser> users, SignInManager<ShopUser> signIn,
        TokenPrincipals principals, CancellationToken cancellationToken)
    {
        // OpenIddict already refuses the grant to clients without its permission; this states the contract once more.
        if (request.ClientId != ShopClients.LoadGen)
            return ProtocolResults.Forbid(Errors.UnauthorizedClient, "The password grant is only for the load generator.");
        var user = request.Username is { Length: > 0 } email ? await users.FindByEmailAsync(email) : null;
        if (user is null)
            return ProtocolResults.Forbid(Errors.InvalidGrant, "The e-mail or password is not correct.");
        var result = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
        if (result.IsLockedOut)
            return ProtocolResults.Forbid(Errors.InvalidGrant, "The account is locked after too many failed sign-ins; try again later.");
        if (!result.Succeeded)
            return ProtocolResults.Forbid(Errors.InvalidGrant, "The e-mail or password is not correct.");
        var principal = await principals.ForAccountAsync(user, ScopesOrApi(request), cancellationToken);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>A machine request without a scope means the API: a token without the audience would be refused by every gateway.</summary>
    private static ImmutableArray<string> ScopesOrApi(OpenIddictRequest request) =>
        request.GetScopes() is { IsEmpty: false } scopes ? scopes : [ShopClients.ApiScope];
}
