using K8Shop.Faults.Injection;
using K8Shop.Grains.Notifications;
using K8Shop.Silo.Faults;
using K8Shop.Silo.Notifications;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace K8Shop.Silo.Hosting;

public static class NotificationsHostingExtensions
{
    public const string ConnectionStringName = "RabbitMQ";

    /// <summary>
    /// Notifications: e-mail over SMTP when <c>Smtp:Host</c> is set (else logged), SMS through the registered
    /// <see cref="ISmsSender"/> (logged by default). Their state's storage (<see cref="NotificationStorage.Name"/>) comes
    /// with the profile. Events come from the silo's own stream provider, unless <see cref="AddNotificationQueue"/> reads them.
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

    /// <summary>With <c>ConnectionStrings:RabbitMQ</c> (cluster profile), notification events come from the queue <c>notification-service</c>.</summary>
    public static ISiloBuilder AddNotificationQueue(this ISiloBuilder silo, IConfiguration configuration)
    {
        var services = silo.Services;
        if (configuration.GetConnectionString(ConnectionStringName) is not { Length: > 0 } amqp)
            return silo;
        if (!Uri.TryCreate(amqp, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} (env ConnectionStrings__{ConnectionStringName}) must be an amqp:// URI, e.g. amqp://k8shop:k8shop@127.0.0.1:5672/.");

        var queue = configuration.GetSection(NotificationQueueOptions.SectionName).Get<NotificationQueueOptions>() ?? new NotificationQueueOptions();
        queue.Validate();
        services.AddSingleton(Options.Create(queue));
        services.AddSingleton(new NotificationAmqpConnection(uri));
        // The queue is the way in; the stream subscription would only see the same events again. Without its grain
        // class the silo does not subscribe at all: no activation per order stream to drop three events each.
        services.Configure<NotificationStreamOptions>(o => o.Enabled = false);
        services.PostConfigure<GrainTypeOptions>(o => o.Classes.Remove(typeof(NotificationEventsGrain)));
        services.AddSingleton<NotificationConsumer>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationConsumer>());
        return silo;
    }
}
