using K8Shop.Identity.Accounts;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace K8Shop.Identity.Protocol;

/// <summary><c>/connect/userinfo</c>: the account behind the access token, limited to the scopes it was granted.</summary>
internal static class UserInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, UserManager<ShopUser> users)
    {
        var principal = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (principal is null || user is null)
            return ProtocolResults.Challenge(Errors.InvalidToken, "The access token is not for an account.");

        var claims = new Dictionary<string, object?>(StringComparer.Ordinal) { [Claims.Subject] = user.Id };
        if (principal.HasScope(Scopes.Profile))
            claims[Claims.Name] = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName;
        if (principal.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = user.Email;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }
        if (principal.HasScope(Scopes.Roles))
            claims[Claims.Role] = await users.GetRolesAsync(user);
        return Results.Ok(claims);
    }
}
