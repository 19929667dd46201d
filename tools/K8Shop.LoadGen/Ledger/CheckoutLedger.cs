using System.Collections.Concurrent;
using K8Shop.LoadGen.Checkout;

namespace K8Shop.LoadGen.Ledger;

/// <summary>
/// What the run's checkouts did, in bounded memory: per SKU the orders and confirmed units, counters of broken
/// promises, a fixed-size sample of settled orders to verify after the load, and only the orders still in doubt
/// (failures) kept whole until reconciliation settles them.
/// </summary>
public sealed class CheckoutLedger(int sampleSize, int seed)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SkuSales> _skus = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CheckoutEntry> _inDoubt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _ordersByUser = new(StringComparer.Ordinal);
    private long _settled;
    private long _repeatMismatches;

    public CheckoutSample Sample { get; } = new(sampleSize, seed);

    public long SettledOrders => Interlocked.Read(ref _settled);

    /// <summary>Repeats of an answered order (same key, same body) that came back with another order id or status.</summary>
    public long RepeatMismatches => Interlocked.Read(ref _repeatMismatches);

    /// <summary>Records an order that answered: a settled one counts now, any other waits for reconciliation.</summary>
    public void Answered(CheckoutEntry entry)
    {
        if (entry.OrderId is { } orderId)
            _ordersByUser.GetOrAdd(entry.UserId, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal)).TryAdd(orderId, 0);
        if (!entry.Settled)
        {
            _inDoubt[entry.IdempotencyKey] = entry;
            return;
        }
        _inDoubt.TryRemove(entry.IdempotencyKey, out _);
        Interlocked.Increment(ref _settled);
        lock (_gate)
        {
            foreach (var sku in entry.OrderLines.Select(line => line.Sku).Distinct(StringComparer.Ordinal))
                SalesOf(sku).Orders++;
            foreach (var line in entry.SoldLines)
            {
                var sales = SalesOf(line.Sku);
                sales.ConfirmedLines++;
                sales.ConfirmedUnits += line.Quantity;
            }
        }
        Sample.Offer(entry);
    }

    /// <summary>The order may or may not exist: reconciliation asks again with the same key.</summary>
    public void InDoubt(CheckoutEntry entry) => _inDoubt[entry.IdempotencyKey] = entry;

    /// <summary>Refused before anything happened (a 4xx other than 429): no order, no stock moved.</summary>
    public void NotPlaced(CheckoutEntry entry) => _inDoubt.TryRemove(entry.IdempotencyKey, out _);

    public void RepeatMismatched() => Interlocked.Increment(ref _repeatMismatches);

    public IReadOnlyList<CheckoutEntry> InDoubtEntries() => [.. _inDoubt.Values];

    /// <summary>How many distinct orders answered for this user: one for a fresh shopper, more for a pooled account.</summary>
    public int OrdersOf(string userId) => _ordersByUser.TryGetValue(userId, out var orders) ? orders.Count : 0;

    /// <summary>This user's checkouts still in doubt: each may or may not have made an order.</summary>
    public int InDoubtOf(string userId) => _inDoubt.Values.Count(entry => entry.UserId == userId && entry.OrderId is null);

    /// <summary>
    /// Per SKU in the inventory checks' terms: confirmed units were reserved and committed, nothing released or
    /// held (a settled order holds nothing); an order still in doubt makes its SKUs unprovable.
    /// </summary>
    public IReadOnlyDictionary<string, SkuTally> Tally(IEnumerable<string> skus)
    {
        var inDoubt = _inDoubt.Values.SelectMany(entry => entry.Skus).CountBy(sku => sku, StringComparer.Ordinal)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        lock (_gate)
        {
            return skus.Concat(_skus.Keys).Concat(inDoubt.Keys).Distinct(StringComparer.Ordinal).ToDictionary(sku => sku, sku =>
            {
                var sales = _skus.GetValueOrDefault(sku) ?? new SkuSales();
                var units = sales.ConfirmedUnits;
                return new SkuTally(sku, sales.Orders, sales.ConfirmedLines, units, 0, units, 0, 0, 0, inDoubt.GetValueOrDefault(sku));
            }, StringComparer.Ordinal);
        }
    }

    private SkuSales SalesOf(string sku) => _skus.TryGetValue(sku, out var sales) ? sales : _skus[sku] = new SkuSales();

    private sealed class SkuSales
    {
        public long Orders { get; set; }
        public long ConfirmedLines { get; set; }
        public long ConfirmedUnits { get; set; }
    }
}
