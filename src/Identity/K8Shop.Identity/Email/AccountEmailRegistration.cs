using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8Shop.Identity.Email;

internal static class AccountEmailRegistration
{
    public static IServiceCollection AddAccountEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountSmtpOptions>()
            .Bind(configuration.GetSection(AccountSmtpOptions.SectionName))
            .Validate(o => !o.IsConfigured || o.Port is > 0 and < 65536, "Smtp:Port must be a port from 1 to 65535.")
            .Validate(o => !o.IsConfigured || MimeKit.MailboxAddress.TryParse(o.From, out _), "Smtp:From must be an address, e.g. 'K8Shop <no-reply@k8shop.example>'.")
            .Validate(o => o.Timeout > TimeSpan.Zero, "Smtp:Timeout must be positive.")
            .ValidateOnStart();
        // TryAdd: a host that registered its own sender keeps it.
        services.TryAddSingleton<IAccountEmailSender>(sp => sp.GetRequiredService<IOptions<AccountSmtpOptions>>().Value.IsConfigured
            ? ActivatorUtilities.CreateInstance<SmtpAccountEmailSender>(sp)
            : new UnsentAccountEmailSender(sp.GetRequiredService<ILogger<UnsentAccountEmailSender>>()));
        return services;
    }
}
