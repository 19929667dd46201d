using System.Collections.Immutable;
using K8Shop.Contracts.Recommendations;

namespace K8Shop.Grains.Recommendations;

/// <summary>The sales ranking's arithmetic, pure: count each event once, give back what a cancelled order took.</summary>
public static class SalesTally
{
    /// <summary>
    /// Applies a sale to the state; false (and nothing changed) when its message id is among the last
    /// <paramref name="remembered"/> applied, or when it is a cancellation whose confirmation was not counted within
    /// that window (an order cancelled before it was confirmed sold nothing). Units never go below zero.
    /// </summary>
    public static bool Apply(PopularityState state, SalesRecord sale, int remembered)
    {
        Upgrade(state);
        var key = AppliedKey.Of(sale.MessageId, sale.OrderId, sale.Returned);
        if (state.Applied.Exists(a => a.Message == key.Message))
            return false;
        if (sale.Returned && !state.Applied.Exists(a => a.Order == key.Order && !a.Returned))
            return false;
        if (sale.Returned && state.Applied.Exists(a => a.Order == key.Order && a.Returned))
            return false;

        foreach (var line in sale.Lines.Where(l => l.Quantity > 0 && !string.IsNullOrWhiteSpace(l.Sku)))
        {
            var sku = line.Sku.Trim().ToUpperInvariant();
            var units = state.Units.GetValueOrDefault(sku) + (sale.Returned ? -line.Quantity : line.Quantity);
            if (units > 0)
                state.Units[sku] = units;
            else
                state.Units.Remove(sku);
        }
        state.Applied.Add(key);
        if (state.Applied.Count > remembered)
            state.Applied.RemoveRange(0, state.Applied.Count - remembered);
        return true;
    }

    /// <summary>Moves events remembered by an earlier version (as text) into <see cref="PopularityState.Applied"/>, oldest first.</summary>
    public static void Upgrade(PopularityState state)
    {
        if (state.Recent.Count == 0)
            return;
        state.Applied = [.. state.Recent.Select(r => AppliedKey.Of(r.MessageId, r.OrderId, r.Returned)), .. state.Applied];
        state.Recent = [];
    }

    /// <summary>Units per SKU, most first, ties by SKU.</summary>
    public static SalesRanking Rank(PopularityState state) => new(
        [.. state.Units.OrderByDescending(u => u.Value).ThenBy(u => u.Key, StringComparer.Ordinal).Select(u => new SkuSales(u.Key, u.Value))]);

    /// <summary>
    /// An order event as a sale: <c>order.confirmed</c> adds its lines, <c>order.cancelled</c> and <c>order.returned</c>
    /// (an approved return) take them back; other events are not sales.
    /// </summary>
    public static SalesRecord? FromEvent(Contracts.Events.OrderEvent e) => e.Event switch
    {
        OrderConfirmed => new SalesRecord(e.MessageId, e.OrderId, Returned: false, Lines(e)),
        OrderCancelled or OrderReturned => new SalesRecord(e.MessageId, e.OrderId, Returned: true, Lines(e)),
        _ => null,
    };

    public const string OrderConfirmed = "order.confirmed";
    public const string OrderCancelled = "order.cancelled";
    public const string OrderReturned = "order.returned";

    private static ImmutableArray<SaleLine> Lines(Contracts.Events.OrderEvent e) =>
        e.Items.IsDefault ? [] : [.. e.Items.Select(i => new SaleLine(i.Sku, i.Qty))];
}
