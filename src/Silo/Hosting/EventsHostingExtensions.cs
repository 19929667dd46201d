using System.Reflection;
using K8Shop.Contracts.Events;
using K8Shop.Faults.Injection;
using K8Shop.Silo.Events;
using K8Shop.Silo.Faults;
using K8Shop.Silo.Notifications;
using Microsoft.Extensions.Options;
using Orleans.Streaming.RabbitMQ;
using Orleans.Streams;

namespace K8Shop.Silo.Hosting;

public static class EventsHostingExtensions
{
    public const string PubSubStoreName = "PubSubStore";
    public const string SectionName = "Events";

    /// <summary>
    /// The "events" stream provider in memory (embedded), with its pub-sub state, and notification's queue bound to it
    /// (<see cref="NotificationQueue"/>): events reach notification's subscriber on namespace <c>notification-service</c>,
    /// routed in process by the queue's binding keys, as the provider does on RabbitMQ.
    /// </summary>
    public static ISiloBuilder AddMemoryEvents(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddMemoryGrainStorage(PubSubStoreName);
        return silo.AddMemoryStreamsWithBoundQueues(SiloHostingExtensions.StreamProviderName, [NotificationQueue.From(configuration)], RoutingKeyOf,
            configurator => configurator.ConfigurePullingAgent(agent => agent.Configure(options => ConfigureAgent(options, configuration))));
    }

    /// <summary>
    /// The "events" stream provider on RabbitMQ (<c>ConnectionStrings:RabbitMQ</c>): every <see cref="IntegrationEvent"/>
    /// published to the original's topic exchange <c>orders</c> under its routing key, message id and correlation id (so
    /// plain AMQP clients read the original payloads), the durable queue <c>notification-service</c> declared and consumed
    /// by the provider for notification's subscriber on namespace <c>notification-service</c>, with implicit
    /// subscriptions only (no pub-sub state to store). Section <c>Events</c> may tune <c>PartitionCount</c>,
    /// <c>PrefetchCount</c>, <c>DeliveryLimit</c>, <c>QueueType</c>, <c>StreamInactivityPeriod</c> and
    /// <c>MaxEventDeliveryTime</c>.
    /// </summary>
    public static ISiloBuilder AddRabbitMQEvents(this ISiloBuilder silo, IConfiguration configuration)
    {
        var notificationQueue = NotificationQueue.From(configuration);
        var connectionString = configuration.GetConnectionString("RabbitMQ");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:RabbitMQ is required in the cluster profile (an AMQP URI such as amqp://user:password@host:5672/).");
        }

        // broker-publish-nack and broker-connection-drop: the provider offers each publish attempt to the switches.
        silo.Services.AddSingleton<IRabbitMQPublishFaults>(sp => new RabbitMQPublishFaults(sp.GetService<IFaultInjector>()));
        return silo.AddRabbitMQStreams(SiloHostingExtensions.StreamProviderName, configurator =>
        {
            // Every subscriber is implicit, so no stream needs the pub-sub grain: without this, each order's new
            // stream registered its pulling agent there and removed it when idle, two PostgreSQL writes per order.
            configurator.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            // Each order has a stream of its own, and a pulling agent keeps every stream it delivered to until the
            // stream has been idle this long, scanning them all on each poll (ten a second): with Orleans' 30 minutes
            // that is every order of the last half hour. An order's events come within seconds; a later one (shipped)
            // re-registers its stream. Events:StreamInactivityPeriod overrides it.
            configurator.ConfigurePullingAgent(agent => agent.Configure(options =>
            {
                options.StreamInactivityPeriod = configuration.GetValue($"{SectionName}:StreamInactivityPeriod", TimeSpan.FromMinutes(2));
                ConfigureAgent(options, configuration);
            }));
            configurator.ConfigureRabbitMQ(options => ConfigureRabbitMQ(options, configuration, connectionString, notificationQueue));
        });
    }

    /// <summary>
    /// How long a subscriber's failing event is retried in place before the provider returns it to its queue (where the
    /// delivery limit counts it): a few seconds, as an outage of SMTP or a store is ridden out by redelivery, not by
    /// holding the stream for Orleans' default minute. <c>Events:MaxEventDeliveryTime</c> overrides it.
    /// </summary>
    private static void ConfigureAgent(Orleans.Configuration.StreamPullingAgentOptions options, IConfiguration configuration) =>
        options.MaxEventDeliveryTime = configuration.GetValue($"{SectionName}:MaxEventDeliveryTime", TimeSpan.FromSeconds(5));

    private static string RoutingKeyOf(object @event, StreamId stream) =>
        @event is IntegrationEvent integration ? integration.RoutingKey : stream.GetNamespace() ?? string.Empty;

    private static void ConfigureRabbitMQ(OptionsBuilder<RabbitMQStreamOptions> options, IConfiguration configuration, string connectionString,
        RabbitMQBoundQueueOptions notificationQueue) =>
        options
            .Bind(configuration.GetSection(SectionName))
            .Configure(rabbit =>
            {
                rabbit.ConnectionString = connectionString;
                rabbit.ExchangeName = IntegrationEvent.Exchange;
                rabbit.RoutingKey = RoutingKeyOf;
                rabbit.MessageIds = static @event => @event is IntegrationEvent integration
                    ? (integration.MessageId, integration.CorrelationId)
                    : (Guid.NewGuid().ToString(), null);
                rabbit.BoundQueues.Add(notificationQueue);
                // The original services and scripts publish without the provider's headers: read them by routing key.
                rabbit.ReadPlainMessage = static message => PlainIntegrationEventReader.Read(message, DateTimeOffset.UtcNow);
                foreach (var type in IntegrationEventTypes)
                {
                    rabbit.EventTypes.Add(type, type.GetCustomAttribute<AliasAttribute>(inherit: false)?.Alias);
                }
            });

    /// <summary>Every concrete event in the contracts, read back by the alias Orleans already knows it by.</summary>
    private static IEnumerable<Type> IntegrationEventTypes => typeof(IntegrationEvent).Assembly.GetTypes()
        .Where(type => type is { IsAbstract: false, IsClass: true } && type.IsAssignableTo(typeof(IntegrationEvent)));

    /// <summary>The stream an event goes to: its routing key's first segment as the namespace (orders, inventory, product), keyed by <paramref name="key"/>.</summary>
    public static StreamId StreamIdOf(IntegrationEvent @event, string key) => StreamId.Create(@event.StreamNamespace, key);
}
