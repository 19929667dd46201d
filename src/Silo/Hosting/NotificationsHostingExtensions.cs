using K8Shop.Faults.Injection;
using K8Shop.Grains.Notifications;
using K8Shop.Silo.Faults;
using K8Shop.Silo.Notifications;
using Microsoft.Extensions.Options;

namespace K8Shop.Silo.Hosting;

public static class NotificationsHostingExtensions
{
    /// <summary>
    /// Notifications: e-mail over SMTP when <c>Smtp:Host</c> is set (else logged), SMS through the registered
    /// <see cref="ISmsSender"/> (logged by default). Their state's storage (<see cref="NotificationStorage.Name"/>) comes
    /// with the profile. Events come from the queue <c>notification-service</c> through the silo's "events" stream
    /// provider, in both profiles (see <see cref="EventsHostingExtensions"/>).
    /// </summary>
    public static ISiloBuilder AddK8ShopNotifications(this ISiloBuilder silo, IConfiguration configuration)
    {
        var services = silo.Services;
        services.AddOptions<NotificationOptions>()
            .Bind(configuration.GetSection(NotificationOptions.SectionName))
            .Validate(o => o.MaxEntries is >= 10 and <= 100_000, "Notifications:MaxEntries must be from 10 to 100000.")
            .ValidateOnStart();
        services.AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection(SmtpOptions.SectionName))
            .Validate(o => !o.IsConfigured || o.Port is > 0 and < 65536, "Smtp:Port must be a port from 1 to 65535.")
            .Validate(o => !o.IsConfigured || MimeKit.MailboxAddress.TryParse(o.From, out _), "Smtp:From must be an address, e.g. 'K8Shop <no-reply@k8shop.example>'.")
            .Validate(o => o.MaxConnections is >= 1 and <= 256, "Smtp:MaxConnections must be from 1 to 256.")
            .Validate(o => o.IdleCheckAfter >= TimeSpan.Zero, "Smtp:IdleCheckAfter must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<LoggingEmailSender>();
        services.AddSingleton<IEmailSender>(sp =>
        {
            IEmailSender sender = sp.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured
                ? sp.GetRequiredService<SmtpEmailSender>()
                : sp.GetRequiredService<LoggingEmailSender>();
            // smtp-4xx, smtp-5xx, smtp-slow: in front of whichever sender, so the notification path handles them as refusals.
            return sp.GetService<IFaultInjector>() is { } faults ? new FaultInjectingEmailSender(sender, faults) : sender;
        });
        services.AddSingleton<ISmsSender, LoggingSmsSender>();
        return silo;
    }
}
