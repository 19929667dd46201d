using System.Collections.Concurrent;
using System.Globalization;
using K8Shop.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace K8Shop.IntegrationTests.Faults;

/// <summary>
/// The real silo host (cluster profile, <c>Auth:Mode=open</c>) in process on the test services, with a database, RabbitMQ
/// virtual host, DynamoDB table, Orleans ids and notification queue of its own, so the fault switches it turns on touch
/// nothing else. Reminders resume a saga after 2 s and the node follows the switchboard every 200 ms.
/// </summary>
public sealed class InfraFaultHost(string postgres, string rabbitMQ, string queue) : WebApplicationFactory<Program>
{
    public const int DeliveryLimit = 4;

    /// <summary>Warnings and above from every category, and the RabbitMQ provider's own lines (connections opened and lost, partitions consumed).</summary>
    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = ClusterProfileSettings.For(postgres, rabbitMQ, queue, "faults", serviceId: $"faults-{Guid.NewGuid():N}");
        settings["Auth:Mode"] = "open";
        settings["Notifications:Queue:DeliveryLimit"] = DeliveryLimit.ToString(CultureInfo.InvariantCulture);
        // A refused e-mail goes back to the queue after 2 s of retries in place, so the delivery limit is reached within the test's patience.
        settings["Events:MaxEventDeliveryTime"] = "00:00:02";
        settings["Orders:ResumeAfter"] = "00:00:02";
        settings["Inventory:MaxWritesPerSecond"] = "0";
        settings["FaultSwitches:RefreshInterval"] = "00:00:00.200";
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddFilter("Orleans.Streaming.RabbitMQ", LogLevel.Information);
            logging.AddProvider(new RecordingLoggerProvider(Logs));
        });
    }

    /// <summary>Keeps every line logged at or above the filters' levels.</summary>
    private sealed class RecordingLoggerProvider(ConcurrentQueue<(string, LogLevel, string)> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Recorder(string category, ConcurrentQueue<(string, LogLevel, string)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
