using K8Shop.Grains.Orders;
using K8Shop.Grains.Orders.Table;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;
using Orleans.Storage;

namespace K8Shop.Silo.Orders;

/// <summary>The order table on PostgreSQL (<c>orders.orders</c>, migration 0010): a read, an insert or an update per call.</summary>
public sealed class PostgresOrderTable(NpgsqlDataSource dataSource, Serializer<OrderState> serializer) : IOrderTable
{
    public async Task<VersionedOrder?> ReadAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT state, version FROM orders.orders WHERE order_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = orderId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new VersionedOrder(serializer.Decode(reader.GetFieldValue<byte[]>(0), orderId), reader.GetInt64(1))
            : null;
    }

    public async Task<long> WriteAsync(string orderId, OrderState order, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        var state = serializer.Encode(order);
        await using var command = expectedVersion is null
            ? dataSource.CreateCommand("""
                INSERT INTO orders.orders (order_id, user_id, created_at, version, state) VALUES ($1, $2, $3, 1, $4)
                ON CONFLICT (order_id) DO NOTHING
                """)
            : dataSource.CreateCommand("UPDATE orders.orders SET state = $4, version = version + 1, updated_at = now() WHERE order_id = $1 AND version = $5");
        command.Parameters.Add(new NpgsqlParameter { Value = orderId });
        command.Parameters.Add(new NpgsqlParameter { Value = order.UserId });
        command.Parameters.Add(new NpgsqlParameter { Value = order.CreatedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = state, NpgsqlDbType = NpgsqlDbType.Bytea });
        if (expectedVersion is { } expected)
            command.Parameters.Add(new NpgsqlParameter { Value = expected });
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
            return (expectedVersion ?? 0) + 1;
        throw new InconsistentStateException(
            $"order {orderId} was not at version {expectedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}: another activation wrote it",
            null, expectedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<ShopperOrders> ListAsync(string userId, int skip, int take, CancellationToken cancellationToken = default)
    {
        // One round trip, one snapshot: the page and the count.
        await using var batch = dataSource.CreateBatch();
        var page = new NpgsqlBatchCommand("SELECT order_id, state FROM orders.orders WHERE user_id = $1 ORDER BY created_at DESC, order_id DESC OFFSET $2 LIMIT $3");
        page.Parameters.Add(new NpgsqlParameter { Value = userId });
        page.Parameters.Add(new NpgsqlParameter { Value = (long)skip });
        page.Parameters.Add(new NpgsqlParameter { Value = (long)take });
        var count = new NpgsqlBatchCommand("SELECT count(*) FROM orders.orders WHERE user_id = $1");
        count.Parameters.Add(new NpgsqlParameter { Value = userId });
        batch.BatchCommands.Add(page);
        batch.BatchCommands.Add(count);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var orders = new List<KeyValuePair<string, OrderState>>();
        while (await reader.ReadAsync(cancellationToken))
            {
            var orderId = reader.GetString(0);
            orders.Add(KeyValuePair.Create(orderId, serializer.Decode(reader.GetFieldValue<byte[]>(1), orderId)));
        }
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ShopperOrders(orders, checked((int)reader.GetInt64(0)));
    }
}
