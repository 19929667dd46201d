using K8Shop.Grains.Orders;
using K8Shop.Grains.Orders.Table;
using K8Shop.Silo.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;
using Orleans.Serialization;

namespace K8Shop.Silo.Orders;

/// <summary>
/// Copies the orders that Orleans' grain storage held before the order table (<c>orleans.grain_state</c>, grain type
/// <c>order/order</c>, key <c>k:&lt;order id&gt;</c>) into <c>orders.orders</c>, once, with the shopper and creation
/// time read from each state; an order already in the table is left as it is. The shoppers' old id lists
/// (<c>userorders/userOrders</c>) are no longer read: the table lists every order.
/// </summary>
public sealed partial class OrderTableCopyMigration(Serializer<OrderState> serializer, IOptions<ClusterOptions> cluster, ILogger<OrderTableCopyMigration> logger) : IMigration
{
    private const int BatchSize = 500;

    public string Id => "0011_order_table_copy";

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var legacy = new List<(string OrderId, OrderState Order, int Version)>();
        await using (var read = new NpgsqlCommand("""
            SELECT substr(grain_id_extension, 3), payload, version FROM orleans.grain_state
            WHERE service_id = $1 AND grain_type = 'order/order' AND grain_id_extension LIKE 'k:%' AND payload IS NOT NULL
            """, connection, transaction))
        {
            read.Parameters.Add(new NpgsqlParameter { Value = cluster.Value.ServiceId });
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                {
                var orderId = reader.GetString(0);
                legacy.Add((orderId, serializer.Decode(reader.GetFieldValue<byte[]>(1), orderId), reader.GetInt32(2)));
            }
        }

        var copied = 0;
        foreach (var chunk in legacy.Chunk(BatchSize))
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var (orderId, order, version) in chunk)
            {
                var insert = new NpgsqlBatchCommand("""
                    INSERT INTO orders.orders (order_id, user_id, created_at, version, state) VALUES ($1, $2, $3, $4, $5)
                    ON CONFLICT (order_id) DO NOTHING
                    """);
                insert.Parameters.Add(new NpgsqlParameter { Value = orderId });
                insert.Parameters.Add(new NpgsqlParameter { Value = order.UserId });
                insert.Parameters.Add(new NpgsqlParameter { Value = order.CreatedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
                insert.Parameters.Add(new NpgsqlParameter { Value = (long)version });
                insert.Parameters.Add(new NpgsqlParameter { Value = serializer.Encode(order), NpgsqlDbType = NpgsqlDbType.Bytea });
                batch.BatchCommands.Add(insert);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
            copied += chunk.Length;
            LogProgress(copied, legacy.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order table: copied {Copied} of {Total} orders from Orleans' grain storage")]
    private partial void LogProgress(int copied, int total);
}
