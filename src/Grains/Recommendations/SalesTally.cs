using System.Collections.Immutable;
using K8Shop.Contracts.Recommendations;

namespace K8Shop.Grains.Recommendations;

/// <summary>
/// The sales ranking's arithmetic, pure: count each event once, give back what a cancelled order took, all time and in
/// the day bucket the order was confirmed in (while that day is inside the window).
/// </summary>
public static class SalesTally
{
    /// <summary>
    /// Applies a sale to the state at <paramref name="now"/>; false (and nothing changed) when its message id is among the
    /// last <paramref name="remembered"/> applied, or when it is a cancellation whose confirmation was not counted within
    /// that window (an order cancelled before it was confirmed sold nothing). Units never go below zero. A confirmation
    /// counts in the day it happened (never later than now) when that day is one of the last <paramref name="windowDays"/>.
    /// </summary>
    public static bool Apply(PopularityState state, SalesRecord sale, int remembered, DateTimeOffset now, int windowDays)
    {
        Upgrade(state);
        var key = AppliedKey.Of(sale.MessageId, sale.OrderId, sale.Returned);
        if (state.Applied.Exists(a => a.Message == key.Message))
            return false;
        var confirmation = state.Applied.FindLastIndex(a => a.Order == key.Order && !a.Returned);
        if (sale.Returned && (confirmation < 0 || state.Applied.Exists(a => a.Order == key.Order && a.Returned)))
            return false;

        var today = DayOf(now);
        Prune(state, today, windowDays);
        var day = sale.Returned ? state.Applied[confirmation].Day : SaleDay(sale, today, windowDays);
        var bucket = day == 0 ? null
            : sale.Returned ? state.Days.GetValueOrDefault(day)
            : state.Days.TryGetValue(day, out var existing) ? existing : state.Days[day] = new DaySales();
        var sign = sale.Returned ? -1 : 1;
        foreach (var line in sale.Lines.Where(l => l.Quantity > 0 && !string.IsNullOrWhiteSpace(l.Sku)))
        {
            var sku = line.Sku.Trim().ToUpperInvariant();
            Add(state.Units, sku, sign * line.Quantity);
            if (bucket is not null)
                Add(bucket.Units, sku, sign * line.Quantity);
        }
        if (bucket is not null)
        {
            bucket.Orders = Math.Max(0, bucket.Orders + sign);
            if (bucket.Orders == 0 && bucket.Units.Count == 0)
                state.Days.Remove(day);
        }
        state.Applied.Add(key with { Day = sale.Returned ? 0 : day });
        if (state.Applied.Count > remembered)
            state.Applied.RemoveRange(0, state.Applied.Count - remembered);
        return true;
    }

    /// <summary>The UTC day of a moment, as <see cref="DateOnly.DayNumber"/> (never 0 for a real date after year 1).</summary>
    public static int DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(moment.UtcDateTime).DayNumber;

    /// <summary>Drops the day buckets that fell out of the window ending today.</summary>
    public static void Prune(PopularityState state, int today, int windowDays)
    {
        foreach (var day in state.Days.Keys.Where(d => !InWindow(d, today, windowDays)).ToList())
            state.Days.Remove(day);
    }

    /// <summary>What orders confirmed in the last <paramref name="windowDays"/> days (today included) sold, most first, ties by SKU.</summary>
    public static RecentSales Recent(PopularityState state, DateTimeOffset now, int windowDays)
    {
        var today = DayOf(now);
        var days = state.Days.Where(d => InWindow(d.Key, today, windowDays)).Select(d => d.Value).ToList();
        var units = days.SelectMany(d => d.Units).GroupBy(u => u.Key).Select(g => new SkuSales(g.Key, g.Sum(u => u.Value)));
        return new RecentSales(
            [.. units.Where(u => u.Units > 0).OrderByDescending(u => u.Units).ThenBy(u => u.Sku, StringComparer.Ordinal)],
            days.Sum(d => d.Orders),
            windowDays);
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
        OrderConfirmed => new SalesRecord(e.MessageId, e.OrderId, Returned: false, Lines(e), e.OccurredAt),
        OrderCancelled or OrderReturned => new SalesRecord(e.MessageId, e.OrderId, Returned: true, Lines(e), e.OccurredAt),
        _ => null,
    };

    public const string OrderConfirmed = "order.confirmed";
    public const string OrderCancelled = "order.cancelled";
    public const string OrderReturned = "order.returned";

    private static bool InWindow(int day, int today, int windowDays) => day > today - windowDays && day <= today;

    /// <summary>The day a confirmation counts in: when it happened (unknown: today; never after today), or 0 when before the window.</summary>
    private static int SaleDay(SalesRecord sale, int today, int windowDays)
    {
        var day = sale.OccurredAt == default ? today : Math.Min(DayOf(sale.OccurredAt), today);
        return InWindow(day, today, windowDays) ? day : 0;
    }

    private static void Add(Dictionary<string, long> units, string sku, long change)
    {
        var total = units.GetValueOrDefault(sku) + change;
        if (total > 0)
            units[sku] = total;
        else
            units.Remove(sku);
    }

    private static ImmutableArray<SaleLine> Lines(Contracts.Events.OrderEvent e) =>
        e.Items.IsDefault ? [] : [.. e.Items.Select(i => new SaleLine(i.Sku, i.Qty))];
}
