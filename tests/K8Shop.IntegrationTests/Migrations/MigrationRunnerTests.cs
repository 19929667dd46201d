using K8Shop.Grains.Catalog.Seed;
using K8Shop.IntegrationTests.Catalog;
using K8Shop.TestSupport;
using Npgsql;

namespace K8Shop.IntegrationTests.Migrations;

public sealed class MigrationRunnerTests
{
    private static readonly string[] AllMigrations =
        ["0001_catalog_schema", "0002_catalog_seed", "0003_orleans_membership", "0004_orleans_grain_storage", "0005_orleans_reminders", "0006_catalog_event_outbox",
         "0007_catalog_search", "0008_reviews", "0010_order_table", "0012_search_in_stock", "0013_search_keys"];

    [PostgresFact]
    public async Task Apply_RunTwice_SecondRunAppliesNothingAndDuplicatesNothing()
    {
        await using var database = await PostgresDatabase.CreateAsync("mig_twice");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        var first = await MigratedCatalogDatabase.Runner(dataSource).ApplyAsync();
        var second = await MigratedCatalogDatabase.Runner(dataSource).ApplyAsync();

        Assert.Equal(AllMigrations, first);
        Assert.Empty(second);
        Assert.Equal(CatalogSeed.Load().Count, await Count(dataSource, "catalog.products"));
        Assert.Equal(CatalogSeed.Load().Count, await Count(dataSource, "catalog.product_inventory"));
        Assert.Equal(AllMigrations.Length, await Count(dataSource, "public.k8shop_migrations"));
    }

    [PostgresFact]
    public async Task Apply_TwoSilosAtOnce_EachMigrationAppliedOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync("mig_race");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        var results = await Task.WhenAll(
            MigratedCatalogDatabase.Runner(dataSource).ApplyAsync(),
            MigratedCatalogDatabase.Runner(dataSource).ApplyAsync(),
            MigratedCatalogDatabase.Runner(dataSource).ApplyAsync());

        Assert.Equal(AllMigrations.Length, results.Sum(r => r.Count));
        Assert.Equal(CatalogSeed.Load().Count, await Count(dataSource, "catalog.products"));
    }

    [PostgresFact]
    public async Task Apply_OverTheOriginalServicesSchema_KeepsItsRowsAndAddsOnlyMissingBooks()
    {
        await using var database = await PostgresDatabase.CreateAsync("mig_orig");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        // What the original catalog-service created at start (no UUID default), with one row of its seed.
        await Execute(dataSource, """
            CREATE SCHEMA catalog;
            CREATE TABLE catalog.products (id uuid PRIMARY KEY, sku text NOT NULL UNIQUE, title text NOT NULL, description text,
                price numeric(10,2) NOT NULL, image_url text, tags text[] NOT NULL DEFAULT '{}',
                created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE catalog.product_inventory (product_id uuid PRIMARY KEY REFERENCES catalog.products(id) ON DELETE CASCADE,
                available integer NOT NULL DEFAULT 0, updated_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO catalog.products (id, sku, title, price, tags) VALUES ('11111111-2222-3333-4444-555555555555', 'BOOK-001', 'The Pragmatic Programmer', 44.95, '{programming,best-seller}');
            INSERT INTO catalog.product_inventory VALUES ('11111111-2222-3333-4444-555555555555', 3, now());
            """);

        await MigratedCatalogDatabase.Runner(dataSource).ApplyAsync();

        Assert.Equal(CatalogSeed.Load().Count, await Count(dataSource, "catalog.products"));
        await using var command = dataSource.CreateCommand("SELECT p.id::text, i.available FROM catalog.products p JOIN catalog.product_inventory i ON i.product_id = p.id WHERE p.sku = 'BOOK-001'");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("11111111-2222-3333-4444-555555555555", reader.GetString(0));
        Assert.Equal(3, reader.GetInt32(1));
    }

    [PostgresFact]
    public async Task Apply_AfterAnAdminDeletedASeedBook_DoesNotBringItBack()
    {
        await using var database = await PostgresDatabase.CreateAsync("mig_del");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await MigratedCatalogDatabase.Runner(dataSource).ApplyAsync();
        await Execute(dataSource, "DELETE FROM catalog.products WHERE sku = 'BOOK-002'");

        await MigratedCatalogDatabase.Runner(dataSource).ApplyAsync();

        Assert.Equal(CatalogSeed.Load().Count - 1, await Count(dataSource, "catalog.products"));
    }

    private static async Task<long> Count(NpgsqlDataSource dataSource, string table)
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Execute(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
