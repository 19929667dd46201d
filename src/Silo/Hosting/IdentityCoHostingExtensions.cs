using K8Shop.Gateways.Auth;
using K8Shop.Identity.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace K8Shop.Silo.Hosting;

/// <summary>
/// The identity provider in the silo's own process, on the gateway's port, unless <c>Auth:Authority</c> points at
/// one elsewhere (the identity service, Cognito). Co-hosted, the gateway trusts the provider's own signing keys
/// directly: there is no discovery round trip to itself, and a token is checked exactly as a remote gateway would.
/// </summary>
public static class IdentityCoHostingExtensions
{
    /// <summary>The admin role, from the provider's sign-in cookie: browser-only admin pages such as the Orleans dashboard.</summary>
    public const string AdminConsolePolicy = "admin-console";

    /// <summary>The policy for browser admin pages: the provider's cookie when co-hosted, else an admin's bearer token.</summary>
    public static string AdminPagePolicy(this IConfiguration configuration) => configuration.CoHostsIdentity() ? AdminConsolePolicy : AuthPolicies.Admin;

    public static bool CoHostsIdentity(this IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[$"{AuthOptions.SectionName}:{nameof(AuthOptions.Authority)}"]);

    public static WebApplicationBuilder AddCoHostedIdentity(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.CoHostsIdentity())
            return builder;
        var profile = K8ShopOptions.From(builder.Configuration);
        if (!profile.IsCluster)
        {
            // One process on loopback: keys made at start and plain HTTP are fine here, and only here. The cluster
            // profile gets neither by default; it names the keys it needs at start instead.
            Default(builder.Configuration, "Identity:DevelopmentKeys", "true");
            Default(builder.Configuration, "Identity:RequireHttps", "false");
        }
        // Reset e-mail leaves through the notification path; registered first, so the provider keeps it.
        builder.Services.AddSingleton<K8Shop.Identity.Email.IAccountEmailSender, K8Shop.Silo.Notifications.NotificationPathAccountEmailSender>();
        builder.AddK8ShopIdentity();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, CoHostedTokenValidation>();
        // The dashboard is a browser page: an admin signed in on the provider's pages opens it with that cookie.
        builder.Services.AddAuthorizationBuilder().AddPolicy(AdminConsolePolicy, policy => policy
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(AuthPolicies.AdminRole));
        return builder;
    }

    private static void Default(IConfiguration configuration, string key, string value)
    {
        if (configuration[key] is null)
            configuration[key] = value;
    }

    public static WebApplication MapCoHostedIdentity(this WebApplication app)
    {
        if (app.Configuration.CoHostsIdentity())
            app.MapK8ShopIdentity();
        return app;
    }
}

/// <summary>
/// Gives the gateway's bearer validation the co-hosted provider's signing keys and issuer: the configured
/// <c>Identity:Issuer</c>, or, when the provider takes its issuer from each request, the origin of the request.
/// </summary>
public sealed class CoHostedTokenValidation(IOptions<OpenIddictServerOptions> server, IHttpContextAccessor http) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions bearer)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
            return;
        var provider = server.Value;
        var parameters = bearer.TokenValidationParameters;
        parameters.IssuerSigningKeys = [.. provider.SigningCredentials.Select(credentials => credentials.Key)];
        if (provider.Issuer is { } issuer)
            parameters.ValidIssuer = issuer.AbsoluteUri;
        else
            parameters.IssuerValidator = (tokenIssuer, _, _) => string.Equals(tokenIssuer, RequestIssuer(), StringComparison.Ordinal)
                ? tokenIssuer
                : throw new SecurityTokenInvalidIssuerException("the token was issued for another origin") { InvalidIssuer = tokenIssuer };
    }

    private string? RequestIssuer() =>
        http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}/" : null;
}
