using System.Reflection;
using K8Shop.Contracts.Events;
using K8Shop.Faults.Injection;
using K8Shop.Silo.Faults;
using Microsoft.Extensions.Options;
using Orleans.Streaming.RabbitMQ;
using Orleans.Streams;

namespace K8Shop.Silo.Hosting;

public static class EventsHostingExtensions
{
    public const string PubSubStoreName = "PubSubStore";
    public const string SectionName = "Events";

    /// <summary>The "events" stream provider in memory (embedded), with its pub-sub state.</summary>
    public static ISiloBuilder AddMemoryEvents(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(PubSubStoreName);
        return silo.AddMemoryStreams(SiloHostingExtensions.StreamProviderName);
    }

    /// <summary>
    /// The "events" stream provider on RabbitMQ (<c>ConnectionStrings:RabbitMQ</c>): every <see cref="IntegrationEvent"/>
    /// published to the original's topic exchange <c>orders</c> under its routing key, message id and correlation id (so
    /// plain AMQP clients read the original payloads), with implicit subscriptions only (no pub-sub state to store). Section <c>Events</c> may tune
    /// <c>PartitionCount</c>, <c>PrefetchCount</c>, <c>DeliveryLimit</c>, <c>QueueType</c> and <c>StreamInactivityPeriod</c>.
    /// </summary>
    public static ISiloBuilder AddRabbitMQEvents(this ISiloBuilder silo, IConfiguration configuration)
    {
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
                options.StreamInactivityPeriod = configuration.GetValue($"{SectionName}:StreamInactivityPeriod", TimeSpan.FromMinutes(2))));
            configurator.ConfigureRabbitMQ(options => ConfigureRabbitMQ(options, configuration, connectionString));
        });
    }

    private static void ConfigureRabbitMQ(OptionsBuilder<RabbitMQStreamOptions> options, IConfiguration configuration, string connectionString) =>
        options
            .Bind(configuration.GetSection(SectionName))
            .Configure(rabbit =>
            {
                rabbit.ConnectionString = connectionString;
                rabbit.ExchangeName = IntegrationEvent.Exchange;
                rabbit.RoutingKey = static (@event, stream) => @event is IntegrationEvent integration ? integration.RoutingKey : stream.GetNamespace() ?? string.Empty;
                rabbit.MessageIds = static @event => @event is IntegrationEvent integration
                    ? (integration.MessageId, integration.CorrelationId)
                    : (Guid.NewGuid().ToString(), null);
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
