using System.Collections.Concurrent;

namespace K8Shop.LoadGen.Ledger;

/// <summary>Every order id the run used, by id, so each grant is counted once and doubtful outcomes can be settled.</summary>
public sealed class OrderLedger
{
    private readonly ConcurrentDictionary<string, OrderEntry> _orders = new(StringComparer.Ordinal);

    /// <summary>The entry for a new order id; an id used before gets its old entry back, where a second grant shows up as a duplicate.</summary>
    public OrderEntry Open(string orderId, string sku, int quantity) =>
        _orders.GetOrAdd(orderId, static (_, line) => new OrderEntry(line.sku, line.quantity), (sku, quantity));

    public OrderEntry this[string orderId] => _orders[orderId];

    public IReadOnlyList<KeyValuePair<string, OrderEntry>> InDoubt() => [.. _orders.Where(order => order.Value.InDoubt)];

    public IReadOnlyDictionary<string, SkuTally> Tally(IEnumerable<string> skus)
    {
        var tallies = skus.ToDictionary(sku => sku, SkuTally.Empty, StringComparer.Ordinal);
        foreach (var entry in _orders.Values)
        {
            var tally = tallies.GetValueOrDefault(entry.Sku) ?? SkuTally.Empty(entry.Sku);
            tallies[entry.Sku] = Add(tally, entry);
        }
        return tallies;
    }

    private static SkuTally Add(SkuTally tally, OrderEntry entry)
    {
        var granted = entry.State is OrderState.Reserved or OrderState.Released or OrderState.Committed
            or OrderState.ReleaseInDoubt or OrderState.CommitInDoubt;
        var units = granted ? entry.Quantity : 0;
        return tally with
        {
            Orders = tally.Orders + 1,
            Grants = tally.Grants + (granted ? 1 : 0),
            GrantedUnits = tally.GrantedUnits + units,
            ReleasedUnits = tally.ReleasedUnits + (entry.State == OrderState.Released ? units : 0),
            CommittedUnits = tally.CommittedUnits + (entry.State == OrderState.Committed ? units : 0),
            DuplicateGrants = tally.DuplicateGrants + Math.Max(0, entry.Grants - 1),
            RepeatMismatches = tally.RepeatMismatches + entry.RepeatMismatches,
            LostReservations = tally.LostReservations + entry.LostReservations,
            InDoubt = tally.InDoubt + (entry.InDoubt ? 1 : 0),
        };
    }
}
