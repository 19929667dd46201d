using K8Shop.Silo.Migrations;
using K8Shop.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace K8Shop.IntegrationTests.Catalog;

/// <summary>One throwaway database with the catalog schema and seed, shared by the store tests.</summary>
public sealed class MigratedCatalogDatabase : IAsyncLifetime
{
    private PostgresDatabase? _database;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public static MigrationRunner Runner(NpgsqlDataSource dataSource) =>
        new(dataSource, [new CatalogSeedMigration(), .. SqlMigration.Embedded()], NullLogger<MigrationRunner>.Instance);

    public async Task InitializeAsync()
    {
        if (TestServices.PostgresSkipReason is not null)
            return;
        _database = await PostgresDatabase.CreateAsync("store");
        DataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        await Runner(DataSource).ApplyAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is null)
            return;
        await DataSource.DisposeAsync();
        await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CatalogDatabaseCollection : ICollectionFixture<MigratedCatalogDatabase>
{
    public const string Name = "catalog database";
}
