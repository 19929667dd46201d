using K8Shop.Identity.Accounts;
using K8Shop.Identity.Clients;
using K8Shop.Identity.Configuration;
using K8Shop.Identity.Email;
using K8Shop.Identity.Pages;
using K8Shop.Identity.Protocol;
using K8Shop.Identity.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8Shop.Identity.Hosting;

/// <summary>
/// The identity provider as one unit, for the standalone identity server and the embedded silo host alike:
/// <c>AddK8ShopIdentity</c>, then <c>UseK8ShopIdentity</c> before the endpoints, then <c>MapK8ShopIdentity</c>.
/// </summary>
public static class IdentityHostingExtensions
{
    public static WebApplicationBuilder AddK8ShopIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(IdentityProviderOptions.SectionName);
        var settings = section.Get<IdentityProviderOptions>() ?? new IdentityProviderOptions();
        // Checked now as well as at start: OpenIddict's keys and store are chosen from these settings right here.
        var validator = new IdentityProviderOptionsValidator(builder.Configuration);
        var result = validator.Validate(null, settings);
        if (result.Failed)
            throw new OptionsValidationException(IdentityProviderOptions.SectionName, typeof(IdentityProviderOptions), result.Failures);
        services.AddOptions<IdentityProviderOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdentityProviderOptions>>(validator);

        services.AddIdentityStore(settings, builder.Configuration);
        services.AddShopAccounts();
        services.AddShopOpenIddict(settings);
        services.AddAccountEmail(builder.Configuration);
        services.AddAntiforgery(options => options.Cookie.Name = "k8shop.identity.antiforgery");
        services.AddScoped<ClientRegistrar>();
        services.AddHostedService<IdentityStoreInitializer>();
        // OpenIddict logs whole requests below Warning, user names (e-mail addresses) included.
        builder.Logging.AddFilter("OpenIddict", LogLevel.Warning);
        return builder;
    }

    /// <summary>Authentication middleware: OpenIddict answers its endpoints (discovery, JWKS, token validation) from inside it.</summary>
    public static WebApplication UseK8ShopIdentity(this WebApplication app)
    {
        app.UseAuthentication();
        return app;
    }

    public static WebApplication MapK8ShopIdentity(this WebApplication app)
    {
        app.MapIdentityProtocol();
        app.MapIdentityPages();
        return app;
    }
}
