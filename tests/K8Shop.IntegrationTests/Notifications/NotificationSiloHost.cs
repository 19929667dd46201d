using System.Globalization;
using K8Shop.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K8Shop.IntegrationTests.Notifications;

/// <summary>
/// The real silo host in the cluster profile on a database and a RabbitMQ virtual host (or broker) of its fixture's,
/// whose events stream provider consumes the notification queue there (so tests running side by side never take each
/// other's messages), sending through the test SMTP server.
/// </summary>
public sealed class NotificationSiloHost(string postgres, string rabbitMQ, string queue, string table) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = ClusterProfileSettings.For(postgres, rabbitMQ, queue, "notify");
        settings["DynamoDB:TableName"] = table;
        settings["Notifications:Queue:DeliveryLimit"] = "3";
        // Fewer in hand than the default, so a stopping silo leaves some of a burst to the next one.
        settings["Notifications:Queue:PrefetchCount"] = "16";
        // A failing notification goes back to the queue after 2 s of retries in place (5 s by default).
        settings["Events:MaxEventDeliveryTime"] = "00:00:02";
        settings["Events:NetworkRecoveryInterval"] = "00:00:01";
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>Starts the host and waits until its stream provider consumes the queue.</summary>
    public async Task<NotificationSiloHost> StartAsync()
    {
        _ = Server;
        await QueueConsumers.WaitForAsync(rabbitMQ, queue, TimeSpan.FromSeconds(60));
        return this;
    }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();
}
