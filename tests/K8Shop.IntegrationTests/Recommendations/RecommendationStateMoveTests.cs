using K8Shop.Contracts.Recommendations;
using K8Shop.Grains.Recommendations;
using K8Shop.IntegrationTests.Catalog;
using K8Shop.IntegrationTests.Orders;
using K8Shop.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

namespace K8Shop.IntegrationTests.Recommendations;

/// <summary>
/// The recommendations' signals live on Redis; what an earlier version stored in PostgreSQL moves there once as the silo
/// starts, and is read from Redis from then on.
/// </summary>
public sealed class RecommendationStateMoveTests
{
    [ClusterFact]
    public async Task States_an_earlier_version_kept_in_postgres_move_to_redis_at_start_and_stay_there_across_restarts()
    {
        await using var database = await PostgresDatabase.CreateAsync("rec_move");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await MigratedCatalogDatabase.Runner(dataSource).ApplyAsync();
        var serviceId = $"move-{Guid.NewGuid():N}"[..20];
        var (shopper, sku, order) = ($"taste-{Guid.NewGuid():N}"[..20], $"MOVE-{Guid.NewGuid():N}"[..16].ToUpperInvariant(), Guid.NewGuid().ToString("D"));
        await InsertLegacyAsync(dataSource, serviceId, "shoppertaste/taste", shopper,
            new ShopperTasteState { Orders = [new TasteOrder(order, [sku], Returned: false)] });
        await InsertLegacyAsync(dataSource, serviceId, "bookbuyers/buyers", sku,
            new BookBuyersState { Purchases = [new BookPurchase(order, shopper, Returned: false)] });
        await InsertLegacyAsync(dataSource, serviceId, "popularity/popularity", "0", new PopularityState { Units = { [sku] = 7 } });
        // A state cleared in PostgreSQL has nothing to move; its row goes too.
        await InsertLegacyAsync<ShopperTasteState>(dataSource, serviceId, "shoppertaste/taste", "cleared-shopper", null);

        for (var start = 1; start <= 2; start++)
        {
            await using var host = new RecommendationSiloHost(database.ConnectionString, serviceId);
            var grains = host.Services.GetRequiredService<IGrainFactory>();

            Assert.Equal([sku], (await grains.GetGrain<IShopperTasteGrain>(shopper).GetAsync()).Bought.ToArray());
            Assert.Equal([shopper], (await grains.GetGrain<IBookBuyersGrain>(sku).GetAsync()).ToArray());
            Assert.Equal(7, Assert.Single((await grains.GetGrain<IPopularityGrain>(0).GetRankingAsync()).Skus, s => s.Sku == sku).Units);
            // Nothing is left behind in PostgreSQL: the second start reads Redis alone.
            Assert.Equal(0L, await LegacyRowsAsync(dataSource, serviceId));
        }
    }

    private static readonly OrleansGrainStorageSerializer Format = new(OrderTableTests.Serialization.GetRequiredService<Serializer>());

    /// <summary>A row as Orleans' ADO.NET storage wrote it behind FullIdentityGrainStorage: type "grain/state", key "k:&lt;key&gt;".</summary>
    private static async Task InsertLegacyAsync<T>(NpgsqlDataSource dataSource, string serviceId, string grainType, string key, T? state)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO orleans.grain_state (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
            VALUES ($1, 0, $2, 0, 0, 0, $3, $4, 1)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = grainType });
        command.Parameters.Add(new NpgsqlParameter { Value = "k:" + key });
        command.Parameters.Add(new NpgsqlParameter { Value = state is null ? DBNull.Value : Format.Serialize(state).ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> LegacyRowsAsync(NpgsqlDataSource dataSource, string serviceId)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM orleans.grain_state WHERE service_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = serviceId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The real silo host in the cluster profile on the test's database, with a service id of its own (Redis keys carry it).</summary>
    private sealed class RecommendationSiloHost(string postgres, string serviceId) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var settings = ClusterProfileSettings.For(postgres, TestServices.RabbitMQConnectionString, $"notification-move-{Guid.NewGuid():N}", "move", serviceId);
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }
}
