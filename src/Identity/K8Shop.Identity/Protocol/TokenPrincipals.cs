using System.Collections.Immutable;
using System.Security.Claims;
using K8Shop.Identity.Accounts;
using K8Shop.Identity.Clients;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace K8Shop.Identity.Protocol;

/// <summary>The claims of issued tokens, and which token each claim goes to.</summary>
internal sealed class TokenPrincipals(UserManager<ShopUser> users, IOpenIddictScopeManager scopes)
{
    /// <summary>Kept in codes and refresh tokens only (no destination), so a refresh after a password change is refused.</summary>
    public const string SecurityStampClaim = "k8shop_security_stamp";

    public async Task<ClaimsPrincipal> ForAccountAsync(ShopUser user, ImmutableArray<string> grantedScopes, CancellationToken cancellationToken)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)])
            .SetClaim(SecurityStampClaim, user.SecurityStamp);
        return await FinishAsync(identity, grantedScopes, cancellationToken);
    }

    /// <summary>A machine client acting for itself: <c>sub</c> is its client id, its role comes from <see cref="MachineRoles"/>.</summary>
    public async Task<ClaimsPrincipal> ForClientAsync(string clientId, string? displayName, ImmutableArray<string> grantedScopes, CancellationToken cancellationToken)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, displayName ?? clientId)
            .SetClaims(Claims.Role, [.. MachineRoles.For(clientId)]);
        return await FinishAsync(identity, grantedScopes, cancellationToken);
    }

    public static bool HasCurrentSecurityStamp(ClaimsPrincipal principal, ShopUser user) =>
        string.Equals(principal.GetClaim(SecurityStampClaim), user.SecurityStamp, StringComparison.Ordinal);

    private static ClaimsIdentity NewIdentity() => new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private async Task<ClaimsPrincipal> FinishAsync(ClaimsIdentity identity, ImmutableArray<string> grantedScopes, CancellationToken cancellationToken)
    {
        identity.SetScopes(grantedScopes);
        var resources = new List<string>();
        await foreach (var resource in scopes.ListResourcesAsync(grantedScopes, cancellationToken))
            resources.Add(resource);
        identity.SetResources(resources);
        identity.SetDestinations(DestinationsOf);
        return new ClaimsPrincipal(identity);
    }

    private static IEnumerable<string> DestinationsOf(Claim claim)
    {
        var scopes = claim.Subject?.GetScopes() ?? [];
        return claim.Type switch
        {
            Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Name => WithIdentityTokenWhen(scopes.Contains(Scopes.Profile)),
            Claims.Email when scopes.Contains(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Role => WithIdentityTokenWhen(scopes.Contains(Scopes.Roles)),
            _ => [],
        };
    }

    private static string[] WithIdentityTokenWhen(bool inIdentityToken) =>
        inIdentityToken ? [Destinations.AccessToken, Destinations.IdentityToken] : [Destinations.AccessToken];
}
