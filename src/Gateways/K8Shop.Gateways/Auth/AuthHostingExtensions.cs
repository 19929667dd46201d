using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace K8Shop.Gateways.Auth;

/// <summary>
/// Who may call what: JWT access tokens from the identity provider (validated with its published keys), the
/// gateway's policies, the guest cookie, and the caller handed to grains. <c>Auth:Mode=open</c> keeps every
/// shopper and stock route open as the original had them; admin routes need the admin role in both modes.
/// </summary>
public static class AuthHostingExtensions
{
    public static IServiceCollection AddK8ShopAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(Options.Create(auth));
        services.AddGatewayDataProtection(configuration);
        services.AddSingleton<GuestCookie>();
        services.AddSingleton<IAuthorizationHandler, ShopperRequirementHandler>();
        services.AddSingleton<ValidatedTokenCache>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        // Every policy names the bearer scheme: a co-hosted identity provider makes its cookie the default scheme.
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Admin, p => Bearer(p).RequireRole(AuthPolicies.AdminRole))
            .AddPolicy(AuthPolicies.Stock, p => Unless(auth.IsOpen, p, b => Bearer(b).RequireRole(AuthPolicies.AdminRole, AuthPolicies.MachineRole)))
            .AddPolicy(AuthPolicies.Faults, p => Bearer(p).RequireRole(AuthPolicies.AdminRole, AuthPolicies.MachineRole))
            .AddPolicy(AuthPolicies.Account, p => Unless(auth.IsOpen, p, b => Bearer(b).RequireAuthenticatedUser()))
            .AddPolicy(AuthPolicies.Shopper, p => Unless(auth.IsOpen, p, b => Bearer(b).AddRequirements(new ShopperRequirement("userId", AllowGuest: false, Optional: false))))
            .AddPolicy(AuthPolicies.CartOwner, p => Unless(auth.IsOpen, p, b => Bearer(b).AddRequirements(new ShopperRequirement("userId", AllowGuest: true, Optional: false))))
            .AddPolicy(AuthPolicies.OptionalShopper, p => Unless(auth.IsOpen, p, b => Bearer(b).AddRequirements(new ShopperRequirement("userId", AllowGuest: true, Optional: true))));
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Validate(bearer => auth.IsOpen || HasKeySource(bearer),
                "Auth:Authority is not set: give the identity provider's issuer URL (its discovery document lists the signing keys), or set Auth:Mode=open to serve the original's clients without identity.")
            .ValidateOnStart();
        services.AddHostedService<RouteAuthorizationAudit>();
        if (auth.IsOpen)
            services.AddHostedService<OpenModeWarning>();
        return services;
    }

    /// <summary>Authorization and the caller handed to grains; <c>UseAuthentication</c> runs before it.</summary>
    public static IApplicationBuilder UseK8ShopAuthorization(this IApplicationBuilder app)
    {
        app.UseAuthorization();
        if (!app.ApplicationServices.GetRequiredService<IOptions<AuthOptions>>().Value.IsOpen)
            app.UseMiddleware<CallerMiddleware>();
        return app;
    }

    private static AuthorizationPolicyBuilder Bearer(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme);

    private static bool HasKeySource(JwtBearerOptions bearer) =>
        !string.IsNullOrWhiteSpace(bearer.Authority) || !string.IsNullOrWhiteSpace(bearer.MetadataAddress) || bearer.Configuration is not null
        || bearer.TokenValidationParameters.IssuerSigningKey is not null || bearer.TokenValidationParameters.IssuerSigningKeys?.Any() == true;

    /// <summary>In open mode a shopper policy lets anyone through; otherwise it is built as asked.</summary>
    private static void Unless(bool open, AuthorizationPolicyBuilder policy, Action<AuthorizationPolicyBuilder> build)
    {
        if (open)
            policy.RequireAssertion(_ => true);
        else
            build(policy);
    }
}
