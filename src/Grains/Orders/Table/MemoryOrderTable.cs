using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace K8Shop.Grains.Orders.Table;

/// <summary>
/// The order table of embedded mode: each order stored as Orleans' bytes (a copy, as PostgreSQL's would be, so a state
/// that does not serialize fails here too), with each shopper's order ids beside it.
/// </summary>
public sealed class MemoryOrderTable(Serializer<OrderState> serializer) : IOrderTable
{
    private readonly ConcurrentDictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, DateTimeOffset>> _byUser = new(StringComparer.Ordinal);
    private readonly Lock _writes = new();

    public Task<VersionedOrder?> ReadAsync(string orderId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.TryGetValue(orderId, out var row) ? new VersionedOrder(serializer.Decode(row.State, orderId), row.Version) : null);

    public Task<long> WriteAsync(string orderId, OrderState order, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        var bytes = serializer.Encode(order);
        lock (_writes)
        {
            long? stored = _rows.TryGetValue(orderId, out var row) ? row.Version : null;
            if (stored != expectedVersion)
                throw new InconsistentStateException($"order {orderId} is at version {stored?.ToString() ?? "none"}, not {expectedVersion?.ToString() ?? "none"}", stored?.ToString(), expectedVersion?.ToString());
            var version = (stored ?? 0) + 1;
            _rows[orderId] = new Row(bytes, version);
            _byUser.GetOrAdd(order.UserId, _ => new(StringComparer.Ordinal))[orderId] = order.CreatedAt;
            return Task.FromResult(version);
        }
    }

    public Task<ShopperOrders> ListAsync(string userId, int skip, int take, CancellationToken cancellationToken = default)
    {
        if (!_byUser.TryGetValue(userId, out var ids))
            return Task.FromResult(new ShopperOrders([], 0));
        var newestFirst = ids.OrderByDescending(o => o.Value).ThenByDescending(o => o.Key, StringComparer.Ordinal).ToList();
        var page = newestFirst.Skip(skip).Take(take)
            .Select(o => KeyValuePair.Create(o.Key, serializer.Decode(_rows[o.Key].State, o.Key)))
            .ToList();
        return Task.FromResult(new ShopperOrders(page, newestFirst.Count));
    }

    private sealed record Row(byte[] State, long Version);
}
