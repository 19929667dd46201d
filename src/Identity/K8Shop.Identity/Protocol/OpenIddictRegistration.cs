using K8Shop.Identity.Clients;
using K8Shop.Identity.Configuration;
using K8Shop.Identity.Keys;
using K8Shop.Identity.Storage;
using Microsoft.Extensions.DependencyInjection;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace K8Shop.Identity.Protocol;

internal static class OpenIddictRegistration
{
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string UserInfoPath = "/connect/userinfo";
    public const string JwksPath = "/.well-known/jwks";

    /// <summary>The OpenIddict server: flows, endpoints, lifetimes and keys, with passthrough to this library's handlers.</summary>
    public static IServiceCollection AddShopOpenIddict(this IServiceCollection services, IdentityProviderOptions options)
    {
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityStoreContext>())
            .AddServer(server =>
            {
                // Discovery keeps OpenIddict's default, /.well-known/openid-configuration.
                server.SetAuthorizationEndpointUris(AuthorizePath[1..])
                    .SetTokenEndpointUris(TokenPath[1..])
                    .SetEndSessionEndpointUris(EndSessionEndpoint.Path[1..])
                    .SetUserInfoEndpointUris(UserInfoPath[1..])
                    .SetJsonWebKeySetEndpointUris(JwksPath[1..]);
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow()
                    // Allowed server-wide, granted by permission to the loadgen client only.
                    .AllowPasswordFlow();
                server.RequireProofKeyForCodeExchange();
                // S256 only: "plain" would hand the verifier to anyone who sees the authorization request.
                server.Configure(server =>
                {
                    server.CodeChallengeMethods.Clear();
                    server.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
                });
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, ShopClients.ApiScope);
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.Email, Claims.EmailVerified, Claims.Role);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime)
                    .SetRefreshTokenReuseLeeway(options.RefreshTokenReuseLeeway);
                // Gateways validate a plain signed JWT against the JWKS; codes and refresh tokens stay encrypted.
                server.DisableAccessTokenEncryption();
                if (options.Issuer is not null)
                    server.SetIssuer(options.Issuer);
                AddKeys(server, options);

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (!options.RequireHttps)
                    aspNetCore.DisableTransportSecurityRequirement();
            });
        services.AddScoped<TokenPrincipals>();
        return services;
    }

    private static void AddKeys(OpenIddictServerBuilder server, IdentityProviderOptions options)
    {
        const string section = IdentityProviderOptions.SectionName;
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
            server.AddSigningKey(PemRsaKeys.Load(options.SigningKey, $"{section}:{nameof(options.SigningKey)}"));
        else
            server.AddEphemeralSigningKey();
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey))
            server.AddEncryptionKey(PemRsaKeys.Load(options.EncryptionKey, $"{section}:{nameof(options.EncryptionKey)}"));
        else
            server.AddEphemeralEncryptionKey();
    }
}
