using K8Shop.Contracts.Catalog;
using K8Shop.Grains.Catalog;
using K8Shop.Grains.Catalog.Search;
using K8Shop.Grains.Catalog.Seed;
using K8Shop.Silo.Catalog;
using K8Shop.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace K8Shop.IntegrationTests.Catalog.Search;

/// <summary>A seeded catalog store with its search, and a way to rate a book the way the reviews feature does.</summary>
public interface ISearchStoreFixture
{
    ICatalogStore Store { get; }

    ICatalogSearch Search { get; }

    Task RateAsync(BookRatingSummary summary);
}

/// <summary>The embedded mode's store: memory, its index and the in-memory ratings.</summary>
public sealed class MemorySearchFixture : ISearchStoreFixture
{
    private readonly BookRatings _ratings = new();

    public MemorySearchFixture()
    {
        var store = new InMemoryCatalogStore(TimeProvider.System, CatalogSeed.Load(), _ratings);
        Store = store;
        Search = new InMemoryCatalogSearch(store.Index, _ratings);
    }

    public ICatalogStore Store { get; }

    public ICatalogSearch Search { get; }

    public Task RateAsync(BookRatingSummary summary)
    {
        _ratings.Set(summary);
        return Task.CompletedTask;
    }
}

/// <summary>The cluster profile's store: a database of its own on the test PostgreSQL, migrated and seeded.</summary>
public sealed class PostgresSearchFixture : ISearchStoreFixture, IAsyncLifetime
{
    private PostgresDatabase? _database;
    private NpgsqlDataSource? _dataSource;

    public ICatalogStore Store { get; private set; } = null!;

    public ICatalogSearch Search { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync("search");
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        await MigratedCatalogDatabase.Runner(_dataSource).ApplyAsync();
        var store = new PostgresCatalogStore(_dataSource, NullLogger<PostgresCatalogStore>.Instance);
        Store = store;
        Search = new PostgresCatalogSearch(_dataSource, store);
    }

    public async Task RateAsync(BookRatingSummary summary)
    {
        await using var command = _dataSource!.CreateCommand("""
            INSERT INTO catalog.book_ratings (sku, rating_count, rating_sum, stars, updated_at) VALUES ($1, $2, $3, $4, now())
            ON CONFLICT (sku) DO UPDATE SET rating_count = EXCLUDED.rating_count, rating_sum = EXCLUDED.rating_sum, stars = EXCLUDED.stars
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = summary.Sku });
        command.Parameters.Add(new NpgsqlParameter { Value = summary.Count });
        command.Parameters.Add(new NpgsqlParameter { Value = summary.Sum });
        command.Parameters.Add(new NpgsqlParameter { Value = summary.Stars.ToArray() });
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
            await _dataSource.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}

public sealed class MemoryCatalogSearchTests(MemorySearchFixture fixture) : CatalogSearchTests(fixture), IClassFixture<MemorySearchFixture>;

public sealed class PostgresCatalogSearchTests(PostgresSearchFixture fixture) : CatalogSearchTests(fixture), IClassFixture<PostgresSearchFixture>;
