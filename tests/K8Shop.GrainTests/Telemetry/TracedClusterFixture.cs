using K8Shop.Faults.Hosting;
using K8Shop.Grains.Catalog;
using K8Shop.GrainTests.Notifications;
using K8Shop.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace K8Shop.GrainTests.Telemetry;

/// <summary>
/// Two silos and a client that carry the trace context on every grain call (<see cref="GrainCallTracing"/>, as the
/// silo host and the gateway do with tracing on), so a test can see one trace cross from silo to silo. Its own
/// cluster: the shared one runs without propagation, as a host with tracing off does.
/// </summary>
public sealed class TracedClusterFixture : IAsyncLifetime
{
    private readonly InProcessTestCluster _cluster;

    public TracedClusterFixture()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureSiloHost((_, host) =>
        {
            TwoSiloWiring.AddShopServices(host.Services, Catalog, Mail);
            host.Services.AddK8ShopFaultSwitches(new ConfigurationBuilder().Build());
        });
        builder.ConfigureSilo((_, silo) =>
        {
            TwoSiloWiring.AddShopStores(silo);
            silo.Services.AddGrainCallTracing();
            // After the tracing filter, so it runs inside the grain call's span and marks it with this silo.
            silo.AddIncomingGrainCallFilter<SiloTaggingFilter>();
        });
        builder.ConfigureClient(client => TwoSiloWiring.AddShopEvents(client).Services.AddGrainCallTracing());
        _cluster = builder.Build();
    }

    public IGrainFactory Grains => _cluster.Client;

    /// <summary>The running silos' addresses, in start order.</summary>
    public IReadOnlyList<SiloAddress> Silos => [.. _cluster.Silos.Select(s => s.SiloAddress)];

    private InMemoryCatalogStore Catalog { get; } = new(TimeProvider.System, []);

    private RecordingSenders Mail { get; } = new();

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}

/// <summary>Tags the current span (the incoming grain call's, when propagation is on) with the silo that runs the call.</summary>
internal sealed class SiloTaggingFilter(ILocalSiloDetails silo) : IIncomingGrainCallFilter
{
    public const string Tag = "test.silo";

    public Task Invoke(IIncomingGrainCallContext context)
    {
        System.Diagnostics.Activity.Current?.SetTag(Tag, silo.SiloAddress.ToString());
        return context.Invoke();
    }
}

[CollectionDefinition(Name)]
public sealed class TracedClusterCollection : ICollectionFixture<TracedClusterFixture>
{
    public const string Name = "traced-cluster";
}
