using K8Shop.Grains.Cart;
using K8Shop.Grains.Catalog;
using K8Shop.Grains.Inventory;
using K8Shop.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace K8Shop.GrainTests;

/// <summary>One in-process Orleans cluster, shared by every grain test; each test uses its own keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The cart limits the silo runs with: small, so tests reach them quickly.</summary>
    public static readonly CartOptions CartLimits = new() { MaxLines = 5, MaxQuantityPerLine = 10, IdleExpiry = TimeSpan.FromHours(1) };

    /// <summary>The inventory settings the silo runs with: the defaults, unpaced so tests do not wait on write pacing.</summary>
    public static readonly InventoryOptions InventoryLimits = new() { MaxWritesPerSecond = 0 };

    private readonly InProcessTestCluster _cluster;

    public ClusterFixture()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddInMemoryCatalog();
            host.Services.AddSingleton<TimeProvider>(Clock);
            host.Services.AddOptions<CartOptions>().Configure(o =>
            {
                o.MaxLines = CartLimits.MaxLines;
                o.MaxQuantityPerLine = CartLimits.MaxQuantityPerLine;
                o.IdleExpiry = CartLimits.IdleExpiry;
            });
            host.Services.AddKeyedSingleton<IBackendProbe, MemoryBackendProbe>("cart");
            host.Services.AddOptions<InventoryOptions>().Configure(o => o.MaxWritesPerSecond = InventoryLimits.MaxWritesPerSecond);
            host.Services.AddKeyedSingleton<IBackendProbe, MemoryBackendProbe>("inventory");
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.AddMemoryGrainStorage(CartStorage.Name);
            silo.AddMemoryGrainStorage(InventoryStorage.Name);
        });
        _cluster = builder.Build();
    }

    public IGrainFactory Grains => _cluster.Client;

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
