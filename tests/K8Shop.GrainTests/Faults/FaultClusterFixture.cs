using K8Shop.Contracts.Faults;
using K8Shop.Faults.Hosting;
using K8Shop.Faults.Injection;
using K8Shop.Faults.Switches;
using K8Shop.Grains.Catalog;
using K8Shop.Grains.Faults;
using K8Shop.Grains.Inventory;
using K8Shop.Grains.Orders;
using K8Shop.GrainTests.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace K8Shop.GrainTests.Faults;

/// <summary>
/// A cluster of two silos whose fault switches the tests turn on and off: its own, so no other test runs under a
/// fault. Each silo follows the switchboard as a deployed one does (its refresher, polling every 250 ms here).
/// </summary>
public sealed class FaultClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan ResumeAfter = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan ReservationTtl = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    private readonly InProcessTestCluster _cluster;

    public FaultClusterFixture()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        var faultSettings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["FaultSwitches:RefreshInterval"] = RefreshInterval.ToString() })
            .Build();
        builder.ConfigureSiloHost((_, host) =>
        {
            TwoSiloWiring.AddShopServices(host.Services, Catalog, Mail);
            host.Services.AddSingleton<TimeProvider>(Clock);
            host.Services.AddKeyedSingleton(Orleans.Reminders.ReminderTimeProviderNames.Reminders, TimeProvider.System);
            host.Services.AddOptions<OrderOptions>().Configure(o =>
            {
                o.ResumeAfter = ResumeAfter;
                o.ReservationTtl = ReservationTtl;
            });
            host.Services.AddK8ShopFaultSwitches(faultSettings, services => services.GetRequiredService<Orleans.Runtime.ILocalSiloDetails>().Name);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            TwoSiloWiring.AddShopStores(silo);
            silo.AddIncomingGrainCallFilter<HotSkuDelayFilter>();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = ResumeAfter);
        });
        builder.ConfigureClient(client => TwoSiloWiring.AddShopEvents(client));
        _cluster = builder.Build();
    }

    public IGrainFactory Grains => _cluster.Client;

    private InMemoryCatalogStore Catalog { get; } = new(TimeProvider.System, []);

    public RecordingSenders Mail { get; } = new();

    public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public IFaultSwitchboardGrain Switchboard => Grains.GetGrain<IFaultSwitchboardGrain>(IFaultSwitchboardGrain.Key);

    /// <summary>Each running silo's own copy of the switches.</summary>
    public IReadOnlyList<FaultSwitches> SiloSwitches =>
        [.. _cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<FaultSwitches>())];

    public IReadOnlyList<IFaultInjector> SiloInjectors =>
        [.. _cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<IFaultInjector>())];

    /// <summary>Sets a switch and waits until every silo holds the new board; returns how long that took.</summary>
    public async Task<TimeSpan> SetAsync(string fault, FaultSetting setting)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Switchboard.SetAsync(fault, setting);
        var version = (await Switchboard.GetAsync()).Version;
        while (SiloSwitches.Any(s => s.Current.Version != version))
        {
            if (started.Elapsed > TimeSpan.FromSeconds(10))
                throw new TimeoutException($"not every silo took switchboard version {version} within 10 s");
            await Task.Delay(25);
        }
        return started.Elapsed;
    }

    public Task OffAsync(string fault) => SetAsync(fault, FaultSetting.Off);

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class FaultClusterCollection : ICollectionFixture<FaultClusterFixture>
{
    public const string Name = "fault-cluster";
}
