using K8Shop.Faults.Hosting;
using K8Shop.Grains.Cart;
using K8Shop.Grains.Catalog;
using K8Shop.Grains.Inventory;
using K8Shop.Grains.Notifications;
using K8Shop.Grains.Orders;
using K8Shop.Grains.Payments;
using K8Shop.Grains.Recommendations;
using K8Shop.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using K8Shop.GrainTests.Notifications;
using Orleans.TestingHost;

namespace K8Shop.GrainTests;

/// <summary>One in-process Orleans cluster, shared by every grain test; each test uses its own keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The cart limits the silo runs with: small, so tests reach them quickly.</summary>
    public static readonly CartOptions CartLimits = new() { MaxLines = 5, MaxQuantityPerLine = 10, IdleExpiry = TimeSpan.FromHours(1) };

    /// <summary>The inventory settings the silo runs with: the defaults, unpaced so tests do not wait on write pacing.</summary>
    public static readonly InventoryOptions InventoryLimits = new() { MaxWritesPerSecond = 0 };

    /// <summary>How soon the reminder resumes an interrupted saga: seconds here, so a test can wait for it.</summary>
    public static readonly TimeSpan ResumeAfter = TimeSpan.FromSeconds(2);

    /// <summary>The largest amount the silo's payment decider approves.</summary>
    public const decimal PaymentLimit = 5_000m;

    /// <summary>The stream provider order events travel on, as the silo host names it.</summary>
    public const string StreamProvider = K8Shop.Contracts.Events.EventStreams.ProviderName;

    private readonly InProcessTestCluster _cluster;

    public ClusterFixture()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddInMemoryCatalog();
            host.Services.AddSingleton(Ratings);
            host.Services.AddSingleton(Reviews);
            host.Services.AddSingleton<K8Shop.Grains.Reviews.IReviewStore>(Reviews);
            host.Services.AddSingleton<TimeProvider>(Clock);
            // Orleans resolves its clocks from the app's TimeProvider unless told otherwise: reminders keep real time.
            host.Services.AddKeyedSingleton(Orleans.Reminders.ReminderTimeProviderNames.Reminders, TimeProvider.System);
            host.Services.AddOptions<CartOptions>().Configure(o =>
            {
                o.MaxLines = CartLimits.MaxLines;
                o.MaxQuantityPerLine = CartLimits.MaxQuantityPerLine;
                o.IdleExpiry = CartLimits.IdleExpiry;
            });
            host.Services.AddKeyedSingleton<IBackendProbe, MemoryBackendProbe>("cart");
            host.Services.AddOptions<InventoryOptions>().Configure(o => o.MaxWritesPerSecond = InventoryLimits.MaxWritesPerSecond);
            host.Services.AddKeyedSingleton<IBackendProbe, MemoryBackendProbe>("inventory");
            host.Services.AddOptions<OrderOptions>().Configure(o => o.ResumeAfter = ResumeAfter);
            host.Services.AddOptions<PaymentOptions>().Configure(o => o.MaxAmount = PaymentLimit);
            // No caching: a test sees the catalog and the sales ranking as they are now.
            host.Services.AddOptions<RecommendationOptions>().Configure(o => o.CacheTtl = TimeSpan.Zero);
            host.Services.AddSingleton<RecommendationCaches>();
            host.Services.AddOptions<NotificationOptions>().Configure(o => o.MaxEntries = NotificationMaxEntries);
            // Grains take the fault injector; no switch is ever turned on in this cluster (FaultClusterFixture has its own).
            host.Services.AddK8ShopFaultSwitches(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
            host.Services.AddSingleton<IEmailSender>(Mail);
            host.Services.AddSingleton<ISmsSender>(Mail);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.AddIncomingGrainCallFilter<K8Shop.Grains.Identity.ShopperOwnershipFilter>();
            silo.AddMemoryGrainStorage(CartStorage.Name);
            silo.AddMemoryGrainStorage(InventoryStorage.Name);
            silo.AddMemoryGrainStorage(NotificationStorage.Name);
            silo.AddMemoryGrainStorage(K8Shop.Grains.Faults.FaultStorage.Name);
            silo.Services.AddKeyedSingleton<IGrainStorage>(OrderStorage.Name, (sp, _) => OrderStore.UsingCopier(sp.GetRequiredService<DeepCopier>()));
            // The order grain's writes meet the same planned failures and counts as the other order-side grains'.
            TwoSiloWiring.AddOrderTable(silo, (sp, table) => OrderStore.UsingCopier(sp.GetRequiredService<DeepCopier>()).Storing("order", table));
            silo.Services.AddKeyedSingleton<IGrainStorage>(PaymentStorage.Name, (sp, _) => PaymentStore.UsingCopier(sp.GetRequiredService<DeepCopier>()));
            silo.Services.AddKeyedSingleton<IGrainStorage>(RecommendationStorage.Name, (sp, _) => RecommendationStore.UsingCopier(sp.GetRequiredService<DeepCopier>())
                .DetectingChangesDuringWrites(sp.GetRequiredService<Serializer>()));
            silo.AddMemoryGrainStorage("PubSubStore");
            TwoSiloWiring.AddShopEvents(silo);
            silo.UseInMemoryReminderService();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = ResumeAfter);
        });
        builder.ConfigureClient(client => TwoSiloWiring.AddShopEvents(client));
        _cluster = builder.Build();
    }

    public IGrainFactory Grains => _cluster.Client;

    /// <summary>The cluster's client, for subscribing to event streams and publishing to them as a grain would.</summary>
    public IClusterClient Client => _cluster.Client;

    /// <summary>The client's side of the events streams, to publish as grains will.</summary>
    public Orleans.Streams.IStreamProvider Events => _cluster.Client.GetStreamProvider(StreamProvider);

    /// <summary>Where orders are stored; tests plan write failures on it (one silo, so one store).</summary>
    public static CrashingGrainStorage OrderStore { get; } = new();

    public static CrashingGrainStorage PaymentStore { get; } = new();

    /// <summary>Where the sales ranking is stored: a write fails if the state changes while it is written.</summary>
    public static CrashingGrainStorage RecommendationStore { get; } = new();

    /// <summary>How many notifications a shopper's history keeps here: few, so a test can pass the bound.</summary>
    public const int NotificationMaxEntries = 20;

    /// <summary>The rating summaries the reviews store sets, as the in-memory catalog reads them (before Reviews: it is built from them).</summary>
    public static K8Shop.Grains.Catalog.BookRatings Ratings { get; } = new();

    /// <summary>The silo's reviews store (one silo, so one store): tests compare the grain's summary with what it holds.</summary>
    public static K8Shop.Grains.Reviews.InMemoryReviewStore Reviews { get; } = new(Ratings);

    /// <summary>Every e-mail and SMS the silo sent; tests plan send failures on it.</summary>
    public static RecordingSenders Mail { get; } = new();

    /// <summary>The silo's wall clock; tests move it forward, never back.</summary>
    public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

/// <summary>A wall clock moved by hand; timers and timestamps stay on the system's monotonic clock.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _utcTicks, by.Ticks);
    }
}
