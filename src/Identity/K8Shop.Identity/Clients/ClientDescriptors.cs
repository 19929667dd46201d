using K8Shop.Identity.Configuration;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace K8Shop.Identity.Clients;

/// <summary>What each client may do. OpenIddict enforces these permissions: a grant or scope not listed is refused.</summary>
internal static class ClientDescriptors
{
    public static OpenIddictApplicationDescriptor Storefront(StorefrontClientOptions options)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ShopClients.Storefront,
            DisplayName = "K8Shop storefront",
            ClientType = ClientTypes.Public,
            // First-party: the shopper is never asked to approve the shop's own app.
            ConsentType = ConsentTypes.Implicit,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + ShopClients.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in options.EffectiveRedirectUris)
            descriptor.RedirectUris.Add(new Uri(uri));
        foreach (var uri in options.EffectivePostLogoutRedirectUris)
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        return descriptor;
    }

    public static OpenIddictApplicationDescriptor Operator(string secret) => new()
    {
        ClientId = ShopClients.Operator,
        ClientSecret = secret,
        DisplayName = "K8Shop operator",
        ClientType = ClientTypes.Confidential,
        Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + ShopClients.ApiScope },
    };

    /// <summary>The only client allowed the password grant: the load generator signs in many pre-created shoppers without a browser.</summary>
    public static OpenIddictApplicationDescriptor LoadGen(string secret) => new()
    {
        ClientId = ShopClients.LoadGen,
        ClientSecret = secret,
        DisplayName = "K8Shop load generator",
        ClientType = ClientTypes.Confidential,
        Permissions =
        {
            Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.GrantTypes.Password,
            Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + ShopClients.ApiScope,
        },
    };
}
