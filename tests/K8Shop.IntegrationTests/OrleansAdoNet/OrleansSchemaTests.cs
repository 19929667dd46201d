using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using K8Shop.IntegrationTests.Catalog;
using K8Shop.Silo.Hosting;
using K8Shop.Silo.Migrations;
using K8Shop.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;
using Orleans.Storage;

namespace K8Shop.IntegrationTests.OrleansAdoNet;

/// <summary>Our schema for Orleans' ADO.NET providers: idempotent, complete, and usable by the 10.4.2 providers.</summary>
public sealed class OrleansSchemaTests
{
    private static readonly string[] MembershipKeys =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey", "UpdateIAmAlivetimeKey",
        "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
    ];

    private static readonly string[] StorageKeys = ["ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey"];

    private static readonly string[] ReminderKeys =
    [
        "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "UpsertReminderRowKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public void QueryKeyLists_AreExactlyWhatTheReferencedProvidersAskFor()
    {
        // Clustering and reminders check every property of their internal DbStoredQueries at start; grain storage
        // loads the keys named in its initialization query.
        var storageKeys = Regex.Matches(AdoNetGrainStorage.DefaultInitializationQuery, "QueryKey = '(\\w+)'").Select(m => m.Groups[1].Value);

        Assert.Equal(MembershipKeys.Order(), StoredQueryProperties(typeof(AdoNetClusteringSiloOptions).Assembly).Order());
        Assert.Equal(ReminderKeys.Order(), StoredQueryProperties(typeof(AdoNetReminderTableOptions).Assembly).Order());
        Assert.Equal(StorageKeys.Order(), storageKeys.Order());
    }

    [PostgresFact]
    public async Task Migrations_AppliedTwiceAndTheirSqlRunAgain_FailNothingAndStoreEveryProviderQueryKey()
    {
        await using var database = await PostgresDatabase.CreateAsync("orl_schema");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        var first = await MigratedCatalogDatabase.Runner(dataSource).ApplyAsync();
        var second = await MigratedCatalogDatabase.Runner(dataSource).ApplyAsync();
        // Beyond the runner's ledger: the scripts themselves may run over their own result (a half-applied database).
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var migration in SqlMigration.Embedded().Where(m => m.Id.Contains("_orleans_", StringComparison.Ordinal)))
                await migration.ApplyAsync(connection, transaction, CancellationToken.None);
            await transaction.CommitAsync();
        }
        var stored = new List<string>();
        await using (var command = dataSource.CreateCommand("SELECT QueryKey FROM OrleansQuery WHERE QueryText <> ''"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                stored.Add(reader.GetString(0));
        }

        Assert.Equal(["0003_orleans_membership", "0004_orleans_grain_storage", "0005_orleans_reminders"], first.Where(id => id.Contains("_orleans_", StringComparison.Ordinal)));
        Assert.Empty(second);
        Assert.Equal(MembershipKeys.Concat(StorageKeys).Concat(ReminderKeys).Order(), stored.Order());
    }

    [PostgresFact]
    public async Task MembershipTable_ConditionalWrites_SucceedOnTheReadVersionOnlyAndTheGatewayListShowsActiveSilos()
    {
        await using var database = await PostgresDatabase.CreateAsync("orl_members");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await MigratedCatalogDatabase.Runner(dataSource).ApplyAsync();
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = "members", ServiceId = "k8shop" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = AdoNetPostgresHostingExtensions.Invariant, DataSource = dataSource }),
            NullLogger<AdoNetClusteringTable>.Instance);
        var silo = Entry(11111, SiloStatus.Joining);

        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        var empty = await table.ReadAllAsync();
        var inserted = await table.InsertRowAsync(silo, empty.Version.Next());
        var staleInsert = await table.InsertRowAsync(Entry(22222, SiloStatus.Joining), empty.Version.Next());
        var afterInsert = await table.ReadAllAsync();
        silo.Status = SiloStatus.Active;
        var updated = await table.UpdateRowAsync(silo, afterInsert.Members[0].Item2, afterInsert.Version.Next());
        var staleUpdate = await table.UpdateRowAsync(silo, afterInsert.Members[0].Item2, afterInsert.Version.Next());
        await table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = silo.SiloAddress, IAmAliveTime = silo.IAmAliveTime.AddSeconds(5) });
        var row = await table.ReadRowAsync(silo.SiloAddress);
        // The gateway executable's path: a connection string and the invariant, no data source.
        var gatewayList = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = AdoNetPostgresHostingExtensions.Invariant, ConnectionString = database.ConnectionString }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = "members", ServiceId = "k8shop" }));
        await gatewayList.InitializeGatewayListProvider();
        var gateways = await gatewayList.GetGateways();

        Assert.Equal((0, true, false, true, false), (empty.Version.Version, inserted, staleInsert, updated, staleUpdate));
        var (entry, _) = Assert.Single(row.Members);
        Assert.Equal(2, row.Version.Version);
        Assert.Equal((silo.SiloAddress, SiloStatus.Active, 30000), (entry.SiloAddress, entry.Status, entry.ProxyPort));
        Assert.Equal(silo.IAmAliveTime.AddSeconds(5), entry.IAmAliveTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal([new Uri("gwy.tcp://127.0.0.1:30000/1234")], gateways);
    }

    private static MembershipEntry Entry(int port, SiloStatus status)
    {
        var now = DateTime.UtcNow;
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 1234),
            SiloName = $"silo-{port}",
            HostName = "test-host",
            Status = status,
            ProxyPort = 30000,
            StartTime = now,
            IAmAliveTime = now,
        };
    }

    private static IEnumerable<string> StoredQueryProperties(Assembly provider) =>
        provider.GetTypes().Single(t => t.Name == "DbStoredQueries")
            .GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)
            .Select(p => p.Name);
}
