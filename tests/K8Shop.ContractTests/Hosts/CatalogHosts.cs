using K8Shop.TestSupport;
using RabbitMQ.Client;

namespace K8Shop.ContractTests.Hosts;

/// <summary>
/// The hosts every contract test runs against: embedded (everything in memory) and the cluster profile
/// (catalog on a throwaway PostgreSQL database, carts on Redis, events on RabbitMQ). Started once, on first use, for the whole run.
/// Both run in <c>Auth:Mode=open</c>, the original's behaviour that these contracts pin.
/// </summary>
public sealed class CatalogHosts : IAsyncLifetime
{
    public const string Embedded = "embedded";
    public const string Cluster = "cluster";

    private readonly Lazy<K8ShopHost> _embedded = new(() => new K8ShopHost(new Dictionary<string, string?>
    {
        ["K8Shop:Profile"] = "embedded",
        ["Auth:Mode"] = "open",
        ["Identity:Admin:Email"] = AdminEmail,
        ["Identity:Admin:Password"] = AdminPassword,
    }));

    /// <summary>The embedded host's first admin, seeded from configuration as an operator would.</summary>
    public const string AdminEmail = "admin@k8shop.test";
    public const string AdminPassword = "contract-admin-password";

    private PostgresDatabase? _database;
    private K8ShopHost? _postgres;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The cluster host's notification queue: its own, so it never takes messages meant for another consumer.</summary>
    public static readonly string NotificationQueue = $"notification-contract-{Guid.NewGuid():N}";

    public static IReadOnlyList<string> Names => TestServices.ClusterSkipReason is null ? [Embedded, Cluster] : [Embedded];

    public static TheoryData<string> All => new(Names);

    public async Task<K8ShopHost> GetAsync(string name)
    {
        if (name == Embedded)
            return _embedded.Value;
        await _gate.WaitAsync();
        try
        {
            if (_postgres is null)
            {
                _database = await PostgresDatabase.CreateAsync("contract");
                _postgres = new K8ShopHost(new Dictionary<string, string?>
                {
                    ["K8Shop:Profile"] = "cluster",
                    ["Auth:Mode"] = "open",
                    ["ConnectionStrings:Postgres"] = _database.ConnectionString,
                    ["ConnectionStrings:Redis"] = TestServices.RedisConnectionString,
                    ["ConnectionStrings:RabbitMQ"] = TestServices.RabbitMQConnectionString,
                    ["DynamoDB:ServiceUrl"] = TestServices.DynamoDBServiceUrl,
                    ["DynamoDB:TableName"] = $"k8shop-contract-{Guid.NewGuid():N}",
                    ["ConnectionStrings:RabbitMQ"] = TestServices.RabbitMQConnectionString,
                    ["Notifications:Queue:Name"] = NotificationQueue,
                    ["Smtp:Host"] = TestServices.SmtpHost,
                    ["Smtp:Port"] = TestServices.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Auth:Mode"] = "open",
                });
            }
            return _postgres;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_embedded.IsValueCreated)
            await _embedded.Value.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
            await DeleteNotificationQueuesAsync();
        }
        if (_database is not null)
            await _database.DisposeAsync();
    }

    private static async Task DeleteNotificationQueuesAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestServices.RabbitMQConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(NotificationQueue);
        await channel.QueueDeleteAsync(NotificationQueue + ".dlq");
    }
}

[CollectionDefinition(Name)]
public sealed class CatalogHostsCollection : ICollectionFixture<CatalogHosts>
{
    public const string Name = "catalog hosts";
}
