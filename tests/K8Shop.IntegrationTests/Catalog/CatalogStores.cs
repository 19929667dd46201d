using K8Shop.Grains.Catalog;
using K8Shop.Grains.Catalog.Seed;
using K8Shop.Silo.Catalog;
using K8Shop.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8Shop.IntegrationTests.Catalog;

/// <summary>Both catalog stores, each seeded, so one set of tests holds them to the same behaviour.</summary>
public sealed class CatalogStores(MigratedCatalogDatabase database)
{
    public const string Memory = "memory";
    public const string Postgres = "postgres";

    private readonly InMemoryCatalogStore _memory = new(TimeProvider.System, CatalogSeed.Load());
    private PostgresCatalogStore? _postgres;

    /// <summary>The stores to run against: PostgreSQL only where it is reachable (always under CI).</summary>
    public static IReadOnlyList<string> StoreNames => TestServices.PostgresSkipReason is null ? [Memory, Postgres] : [Memory];

    public static TheoryData<string> Names => new(StoreNames);

    public ICatalogStore Get(string name) => name switch
    {
        Memory => _memory,
        Postgres => _postgres ??= new PostgresCatalogStore(database.DataSource, NullLogger<PostgresCatalogStore>.Instance),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown store"),
    };
}
