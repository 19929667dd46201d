using System.Collections.Concurrent;
using K8Shop.Streaming.RabbitMQ.Tests.Grains;
using K8Shop.TestSupport;
using Orleans.Hosting;
using Orleans.Streaming.RabbitMQ;
using Orleans.TestingHost;
using RabbitMQ.Client;

namespace K8Shop.Streaming.RabbitMQ.Tests;

/// <summary>
/// One in-process cluster (a silo and its client) on the shared broker for the stream tests, with exchanges and queues
/// named for this run only and deleted after it. Besides "events" it has two providers that cannot publish: one on an
/// exchange with no queue bound (publishes are returned) and one on an exchange that does not exist (the broker refuses).
/// </summary>
public sealed class RabbitMQStreamsFixture : IAsyncLifetime
{
    public const string UnroutableProvider = "unroutable";
    public const string MissingExchangeProvider = "missing-exchange";
    public const int DeliveryLimit = 2;
    public const int PartitionCount = 4;
    public static readonly TimeSpan StreamInactivityPeriod = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, BasicGetResult> _deadLetters = new();
    private IConnection? _connection;

    public string Exchange { get; } = $"k8shop-test-{Guid.NewGuid():N}"[..24];

    public string QueuePrefix => $"{Exchange}.events";

    public string DeadLetterQueue => $"{QueuePrefix}.dlq";

    public string UnboundExchange => $"{Exchange}-unbound";

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The provider's options as the tests set them, for the silo and the client alike.</summary>
    public static void Configure(RabbitMQStreamOptions options, string connectionString, string exchange)
    {
        options.ConnectionString = connectionString;
        options.ExchangeName = exchange;
        options.QueueNamePrefix = $"{exchange}.events";
        options.PartitionCount = PartitionCount;
        options.PrefetchCount = 500;
        options.DeliveryLimit = DeliveryLimit;
        options.NetworkRecoveryInterval = TimeSpan.FromSeconds(1);
        options.RoutingKey = (@event, stream) => $"{stream.GetNamespace()}.{@event.GetType().Name.ToLowerInvariant()}";
        options.MessageIds = @event => @event switch
        {
            ParcelEvent parcel => ($"{parcel.Id}-{parcel.Sequence}", parcel.Id),
            PoisonEvent poison => (poison.Id, poison.Id),
            _ => (Guid.NewGuid().ToString(), null),
        };
        options.EventTypes.Add<ParcelEvent>("test.ParcelEvent").Add<PoisonEvent>("test.PoisonEvent");
    }

    public async Task InitializeAsync()
    {
        if (TestServices.RabbitMQSkipReason is not null)
        {
            return;
        }

        _connection = await new ConnectionFactory { Uri = new Uri(TestServices.RabbitMQConnectionString) }.CreateConnectionAsync();
        await using (var channel = await _connection.CreateChannelAsync())
        {
            await channel.ExchangeDeclareAsync(UnboundExchange, ExchangeType.Topic, durable: false, autoDelete: false);
        }

        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddRabbitMQStreams(TestStreams.Provider, configurator =>
            {
                configurator.ConfigureRabbitMQ(options => options.Configure(o => Configure(o, TestServices.RabbitMQConnectionString, Exchange)));
                // A failing subscriber is given up on after 1 s (not the default minute), so poison tests stay short;
                // a stream idle for 2 s is forgotten, as the silo forgets an order's after 2 minutes.
                configurator.ConfigurePullingAgent(options => options.Configure(agent =>
                {
                    agent.MaxEventDeliveryTime = TimeSpan.FromSeconds(1);
                    agent.StreamInactivityPeriod = StreamInactivityPeriod;
                }));
            });
            silo.AddRabbitMQStreams(UnroutableProvider, BrokenPublisher(UnboundExchange));
            silo.AddRabbitMQStreams(MissingExchangeProvider, BrokenPublisher($"{Exchange}-missing"));
        });
        builder.ConfigureClient(client =>
        {
            client.AddRabbitMQStreams(TestStreams.Provider, (RabbitMQStreamOptions o) => Configure(o, TestServices.RabbitMQConnectionString, Exchange));
            client.AddRabbitMQStreams(UnroutableProvider, BrokenPublisher(UnboundExchange));
            client.AddRabbitMQStreams(MissingExchangeProvider, BrokenPublisher($"{Exchange}-missing"));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>A provider on an exchange it does not declare, retrying three times quickly.</summary>
    private Action<RabbitMQStreamOptions> BrokenPublisher(string exchange) => options =>
    {
        Configure(options, TestServices.RabbitMQConnectionString, exchange);
        options.DeclareTopology = false;
        options.PartitionCount = 1;
        options.NetworkRecoveryInterval = TimeSpan.FromSeconds(5);
        options.PublishRetry = new RabbitMQPublishRetryOptions
        {
            MaxAttempts = 3,
            InitialDelay = TimeSpan.FromMilliseconds(20),
            MaxDelay = TimeSpan.FromMilliseconds(50),
            ConfirmTimeout = TimeSpan.FromSeconds(2),
        };
    };

    /// <summary>A channel of a plain AMQP client on the shared broker; the caller disposes it.</summary>
    public async Task<IChannel> CreatePlainChannelAsync() => await _connection!.CreateChannelAsync();

    /// <summary>The dead-lettered message with this message id, once it is in the dead-letter queue, or null after the timeout.</summary>
    public async Task<BasicGetResult?> WaitForDeadLetterAsync(string messageId, TimeSpan timeout)
    {
        await using var channel = await CreatePlainChannelAsync();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            while (await channel.BasicGetAsync(DeadLetterQueue, autoAck: true) is { } message)
            {
                _deadLetters[message.BasicProperties.MessageId ?? string.Empty] = message;
            }

            if (_deadLetters.TryGetValue(messageId, out var found))
            {
                return found;
            }

            await Task.Delay(100);
        }

        return null;
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        if (_connection is null)
        {
            return;
        }

        await using (var channel = await _connection.CreateChannelAsync())
        {
            for (var partition = 0; partition < PartitionCount; partition++)
            {
                await channel.QueueDeleteAsync($"{QueuePrefix}.{partition}", ifUnused: false, ifEmpty: false);
            }

            await channel.QueueDeleteAsync(DeadLetterQueue, ifUnused: false, ifEmpty: false);
            foreach (var exchange in new[] { $"{QueuePrefix}.partitions", $"{QueuePrefix}.dlx", Exchange, UnboundExchange })
            {
                await channel.ExchangeDeleteAsync(exchange);
            }
        }

        await _connection.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RabbitMQStreamsCollection : ICollectionFixture<RabbitMQStreamsFixture>
{
    public const string Name = "rabbitmq-streams";
}
