using K8Shop.Grains.Catalog;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace K8Shop.GrainTests;

/// <summary>One in-process Orleans cluster, shared by every grain test; each test uses its own keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly InProcessTestCluster _cluster;

    public ClusterFixture()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSiloHost((_, host) => host.Services.AddInMemoryCatalog());
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorageAsDefault());
        _cluster = builder.Build();
    }

    public IGrainFactory Grains => _cluster.Client;

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
