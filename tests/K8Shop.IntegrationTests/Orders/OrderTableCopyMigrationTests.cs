using K8Shop.Grains.Orders;
using K8Shop.IntegrationTests.Catalog;
using K8Shop.Silo.Migrations;
using K8Shop.Silo.Orders;
using K8Shop.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;

namespace K8Shop.IntegrationTests.Orders;

/// <summary>Orders that Orleans' ADO.NET storage held before the order table are copied into it once, readable and listed.</summary>
public sealed class OrderTableCopyMigrationTests
{
    private const string ServiceId = "k8shop";

    [PostgresFact]
    public async Task Legacy_orders_of_this_service_are_copied_once_and_orders_already_in_the_table_are_kept()
    {
        await using var database = await PostgresDatabase.CreateAsync("order_copy");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await MigratedCatalogDatabase.Runner(dataSource).ApplyAsync();
        var table = new PostgresOrderTable(dataSource, OrderTableTests.Serializer);
        var user = $"copy-{Guid.NewGuid():N}"[..24];
        var (older, newer, alreadyCopied, otherService) = (Guid.NewGuid().ToString("D"), Guid.NewGuid().ToString("D"), Guid.NewGuid().ToString("D"), Guid.NewGuid().ToString("D"));
        await InsertLegacyAsync(dataSource, ServiceId, "order/order", older, OrderTableTests.Order(user, OrderTableTests.Start), version: 3);
        await InsertLegacyAsync(dataSource, ServiceId, "order/order", newer, OrderTableTests.Order(user, OrderTableTests.Start.AddHours(1)), version: 2);
        await InsertLegacyAsync(dataSource, ServiceId, "order/order", alreadyCopied, OrderTableTests.Order(user, OrderTableTests.Start.AddHours(2)), version: 1);
        await InsertLegacyAsync(dataSource, "another-shop", "order/order", otherService, OrderTableTests.Order(user, OrderTableTests.Start), version: 1);
        await table.WriteAsync(alreadyCopied, OrderTableTests.Order(user, OrderTableTests.Start.AddHours(2)) with { Status = Contracts.Orders.OrderStatus.Delivered }, null);

        var migration = new OrderTableCopyMigration(OrderTableTests.Serializer, Options.Create(new ClusterOptions { ServiceId = ServiceId }), NullLogger<OrderTableCopyMigration>.Instance);
        var applied = await new MigrationRunner(dataSource, [migration], NullLogger<MigrationRunner>.Instance).ApplyAsync();
        var again = await new MigrationRunner(dataSource, [migration], NullLogger<MigrationRunner>.Instance).ApplyAsync();

        Assert.Equal(["0011_order_table_copy"], applied);
        Assert.Empty(again);
        var listed = await table.ListAsync(user, 0, 10);
        Assert.Equal([alreadyCopied, newer, older], listed.Orders.Select(o => o.Key));
        Assert.Equal(Contracts.Orders.OrderStatus.Delivered, listed.Orders[0].Value.Status);
        // The copied order keeps its version, so the order grain's next write goes on from it.
        Assert.Equal(3, (await table.ReadAsync(older))!.Version);
        Assert.Null(await table.ReadAsync(otherService));
    }

    /// <summary>A row as Orleans' ADO.NET storage wrote it behind FullIdentityGrainStorage: type "order/order", key "k:&lt;id&gt;".</summary>
    private static async Task InsertLegacyAsync(NpgsqlDataSource dataSource, string serviceId, string grainType, string orderId, OrderState order, int version)
    {
        var payload = new OrleansGrainStorageSerializer(OrderTableTests.Serialization.GetRequiredService<Orleans.Serialization.Serializer>()).Serialize(order).ToArray();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO orleans.grain_state (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
            VALUES ($1, 0, $2, 0, 0, 0, $3, $4, $5)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = grainType });
        command.Parameters.Add(new NpgsqlParameter { Value = "k:" + orderId });
        command.Parameters.Add(new NpgsqlParameter { Value = payload });
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        await command.ExecuteNonQueryAsync();
    }
}
