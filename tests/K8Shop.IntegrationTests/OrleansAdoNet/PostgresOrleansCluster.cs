using K8Shop.Grains.Orders;
using K8Shop.IntegrationTests.Catalog;
using K8Shop.Silo.Hosting;
using K8Shop.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace K8Shop.IntegrationTests.OrleansAdoNet;

/// <summary>
/// One throwaway database migrated by the silo's runner, and an in-process silo whose order storage and
/// reminders are the cluster profile's (Orleans' ADO.NET providers on it); restartable on the same data.
/// </summary>
public sealed class PostgresOrleansCluster : IAsyncLifetime
{
    private PostgresDatabase? _database;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public string ServiceId { get; } = $"adonet-{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        if (TestServices.PostgresSkipReason is not null)
            return;
        _database = await PostgresDatabase.CreateAsync("orleans");
        DataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        await MigratedCatalogDatabase.Runner(DataSource).ApplyAsync();
        Cluster = await StartClusterAsync();
    }

    /// <summary>Stops the silo and starts a fresh one on the same database and service id.</summary>
    public async Task RestartAsync()
    {
        await Cluster.DisposeAsync();
        Cluster = await StartClusterAsync();
    }

    private async Task<InProcessTestCluster> StartClusterAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.Options.ServiceId = ServiceId;
        builder.ConfigureSiloHost((_, host) => host.Services.AddSingleton(DataSource));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddPostgresGrainStorage(OrderStorage.Name);
            silo.UsePostgresReminderService();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public async Task DisposeAsync()
    {
        if (_database is null)
            return;
        await Cluster.DisposeAsync();
        await DataSource.DisposeAsync();
        await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresOrleansCollection : ICollectionFixture<PostgresOrleansCluster>
{
    public const string Name = "orleans on postgres";
}
