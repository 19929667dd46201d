using K8Shop.Grains.Catalog;
using K8Shop.Grains.Reviews;
using K8Shop.IntegrationTests.Catalog;
using K8Shop.Silo.Reviews;
using K8Shop.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8Shop.IntegrationTests.Reviews;

/// <summary>Both review stores, so one set of tests holds them to the same behaviour.</summary>
public sealed class ReviewStores(MigratedCatalogDatabase database)
{
    public const string Memory = "memory";
    public const string Postgres = "postgres";

    private InMemoryReviewStore? _memory;
    private PostgresReviewStore? _postgres;

    /// <summary>Where the memory store keeps each book's summary for the catalog.</summary>
    public BookRatings MemoryRatings { get; } = new();

    /// <summary>The stores to run against: PostgreSQL only where it is reachable (always under CI).</summary>
    public static IReadOnlyList<string> StoreNames => TestServices.PostgresSkipReason is null ? [Memory, Postgres] : [Memory];

    public static TheoryData<string> Names => new(StoreNames);

    public IReviewStore Get(string name) => name switch
    {
        Memory => _memory ??= new InMemoryReviewStore(MemoryRatings),
        Postgres => _postgres ??= new PostgresReviewStore(database.DataSource, NullLogger<PostgresReviewStore>.Instance),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown store"),
    };
}
