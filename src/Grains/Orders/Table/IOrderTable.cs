namespace K8Shop.Grains.Orders.Table;

/// <summary>
/// Every order in one table, keyed by its id and indexed by its shopper: the order grain's storage and the one place a
/// shopper's orders are listed from, so a list is one query instead of a grain call per order, and an order is listed
/// only once it is stored. PostgreSQL in the cluster profile, memory in embedded mode.
/// </summary>
/// <remarks>
/// Writes are optimistic: each carries the version it read (null when it read nothing) and changes nothing when the
/// stored version differs, throwing <see cref="Orleans.Storage.InconsistentStateException"/>; the grain then reloads
/// (<see cref="Durability.DurableWrites"/>).
/// </remarks>
public interface IOrderTable
{
    /// <summary>The stored order and its version, or null when it was never written.</summary>
    Task<VersionedOrder?> ReadAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="order"/> if the stored version is <paramref name="expectedVersion"/>; returns the new version.</summary>
    Task<long> WriteAsync(string orderId, OrderState order, long? expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>A shopper's orders, newest first (then by id), with how many they have in all.</summary>
    Task<ShopperOrders> ListAsync(string userId, int skip, int take, CancellationToken cancellationToken = default);
}

public sealed record VersionedOrder(OrderState Order, long Version);

public sealed record ShopperOrders(IReadOnlyList<KeyValuePair<string, OrderState>> Orders, int Total);
