using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using K8Shop.Faults.Injection;
using K8Shop.Grains.Inventory;
using K8Shop.Grains.Storage;
using K8Shop.Silo.Faults;
using K8Shop.Silo.Inventory;
using K8Shop.Silo.Storage;
using Orleans.Storage;

namespace K8Shop.Silo.Hosting;

public static class InventoryHostingExtensions
{
    public const string SectionName = "DynamoDB";
    public const string DefaultTableName = "k8shop-inventory";
    private const string DynamoDBStorageName = InventoryStorage.Name + "-dynamodb";
    private const string MemoryStorageName = InventoryStorage.Name + "-memory";

    /// <summary>Inventory settings (section <c>Inventory</c>); the storage comes with the profile.</summary>
    public static ISiloBuilder AddK8ShopInventory(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<InventoryOptions>()
            .Bind(configuration.GetSection(InventoryOptions.SectionName))
            .Validate(o => o.MaxBatchSize > 0 && o.MaxBacklog > 0 && o.MaxActiveReservations > 0,
                "Inventory:MaxBatchSize, MaxBacklog and MaxActiveReservations must be positive.")
            .Validate(o => o.MaxWritesPerSecond >= 0, "Inventory:MaxWritesPerSecond must be 0 (no limit) or positive.")
            .Validate(o => o.WriteBurst >= 1, "Inventory:WriteBurst must be at least 1 (1: every write waits a full interval after the last).")
            .Validate(o => o.ExpiryScanInterval > TimeSpan.Zero, "Inventory:ExpiryScanInterval must be positive.")
            .ValidateOnStart();
        return silo;
    }

    /// <summary>Inventory in memory (embedded); with fault switches, the DynamoDB drills throttle or slow it as DynamoDB would be.</summary>
    public static ISiloBuilder AddMemoryInventoryStorage(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(MemoryStorageName);
        silo.Services.AddKeyedSingleton<IGrainStorage>(InventoryStorage.Name, (services, _) =>
            services.GetRequiredKeyedService<IGrainStorage>(MemoryStorageName) is var memory && services.GetService<IFaultInjector>() is { } faults
                ? new UnavailableTranslatingGrainStorage(new EmbeddedThrottlingGrainStorage(memory, faults), "dynamodb", "inventory store unavailable")
                : memory);
        silo.Services.AddKeyedSingleton<IBackendProbe, MemoryBackendProbe>("inventory");
        return silo;
    }

    /// <summary>
    /// Inventory on DynamoDB (section <c>DynamoDB</c>: <c>ServiceUrl</c> for dynalite, <c>TableName</c>, <c>Region</c>,
    /// <c>CreateTable</c>) and its health probe; throttling, 5xx and transport errors answer "inventory store unavailable".
    /// </summary>
    public static ISiloBuilder AddDynamoDBInventoryStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var serviceUrl = section["ServiceUrl"];
        var tableName = section["TableName"] is { Length: > 0 } name ? name : DefaultTableName;
        var region = section["Region"] is { Length: > 0 } configured ? configured : Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1";
        var createTable = section.GetValue("CreateTable", serviceUrl is not null);

        silo.AddDynamoDBGrainStorage(DynamoDBStorageName, optionsBuilder => optionsBuilder.Configure<IServiceProvider>((options, services) =>
        {
            options.ServiceUrl = serviceUrl;
            options.TableName = tableName;
            options.Region = region;
            options.CreateTableIfNotExists = createTable;
            // dynamodb-throttling and dynamodb-latency: inside the SDK's retry handler, so each attempt meets them.
            if (services.GetService<IFaultInjector>() is { } faults)
                options.CustomizePipeline = pipeline => pipeline.AddHandlerAfter<RetryHandler>(new InventoryWriteFaultHandler(faults));
        }));
        silo.Services.AddKeyedSingleton<IGrainStorage>(InventoryStorage.Name, (services, _) =>
            new UnavailableTranslatingGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(DynamoDBStorageName), "dynamodb", "inventory store unavailable"));
        silo.Services.AddKeyedSingleton<IBackendProbe>("inventory", (_, _) => new DynamoDBBackendProbe(CreateClient(serviceUrl, region), tableName));
        return silo;
    }

    private static AmazonDynamoDBClient CreateClient(string? serviceUrl, string region)
    {
        var config = new AmazonDynamoDBConfig { Timeout = TimeSpan.FromSeconds(3), MaxErrorRetry = 0 };
        if (serviceUrl is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            return new AmazonDynamoDBClient(config);
        }
        config.ServiceURL = serviceUrl;
        config.AuthenticationRegion = region;
        return new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config);
    }
}
