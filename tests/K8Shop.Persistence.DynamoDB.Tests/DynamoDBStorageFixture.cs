using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using K8Shop.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using Orleans.Persistence.DynamoDB;
using Orleans.Runtime;
using Orleans.Serialization;

namespace K8Shop.Persistence.DynamoDB.Tests;

/// <summary>
/// One table on dynalite for every storage test, created once through the provider's own start-up; each test
/// uses its own grain ids. The raw client lets tests look at items as DynamoDB stores them.
/// </summary>
public sealed class DynamoDBStorageFixture : IAsyncLifetime
{
    public const string ServiceId = "k8shop-storage-tests";

    private readonly ServiceProvider _services;

    public DynamoDBStorageFixture() =>
        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(Logs))
            .AddSerializer()
            .Configure<ClusterOptions>(options => options.ServiceId = ServiceId)
            .BuildServiceProvider();

    /// <summary>What every storage made by <see cref="CreateStorage"/> has logged.</summary>
    public RecordingLoggerProvider Logs { get; } = new();

    public string TableName { get; } = $"k8shop-test-{Guid.NewGuid():N}";

    public AmazonDynamoDBClient Client { get; } = new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = TestServices.DynamoDBServiceUrl, AuthenticationRegion = "us-east-1" });

    /// <summary>The storage every test shares, on the default options (tombstones on clear).</summary>
    public DynamoDBGrainStorage Storage { get; private set; } = null!;

    /// <summary>A storage on the shared table unless configured otherwise; the caller disposes it.</summary>
    public DynamoDBGrainStorage CreateStorage(Action<DynamoDBStorageOptions>? configure = null)
    {
        var options = new DynamoDBStorageOptions { TableName = TableName, ServiceUrl = TestServices.DynamoDBServiceUrl };
        configure?.Invoke(options);
        return ActivatorUtilities.CreateInstance<DynamoDBGrainStorage>(_services, "test", options);
    }

    /// <summary>Runs the storage's silo start-up stage, as a silo would.</summary>
    public static async Task StartAsync(DynamoDBGrainStorage storage)
    {
        var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
        storage.Participate(lifecycle);
        await lifecycle.OnStart();
    }

    public static GrainId NewGrainId() => GrainId.Create("shelf", Guid.NewGuid().ToString("N"));

    /// <summary>The item as stored, or null.</summary>
    public async Task<Dictionary<string, AttributeValue>?> GetItemAsync(GrainId grainId, string stateName, string serviceId = ServiceId)
    {
        var response = await Client.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            ConsistentRead = true,
            Key = new()
            {
                ["GrainKey"] = new AttributeValue { S = $"{serviceId}/{grainId}" },
                ["StateName"] = new AttributeValue { S = stateName },
            },
        });
        return response.Item is { Count: > 0 } item ? item : null;
    }

    public async Task InitializeAsync()
    {
        if (TestServices.DynamoDBSkipReason is not null)
        {
            return;
        }

        Storage = CreateStorage(options => options.CreateTableIfNotExists = true);
        await StartAsync(Storage);
    }

    public async Task DisposeAsync()
    {
        Storage?.Dispose();
        if (TestServices.DynamoDBSkipReason is null)
        {
            await Client.DeleteTableAsync(TableName);
        }

        Client.Dispose();
        await _services.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DynamoDBStorageCollection : ICollectionFixture<DynamoDBStorageFixture>
{
    public const string Name = "dynamodb-storage";
}
