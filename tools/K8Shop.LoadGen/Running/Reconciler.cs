using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Ledger;

namespace K8Shop.LoadGen.Running;

/// <summary>
/// Settles the orders whose last request ended in doubt (5xx, timeout, broken connection), after the load has
/// stopped, by asking the server in a way whose answer is unambiguous either way:
/// <list type="bullet">
/// <item>reserve in doubt: release it; "released" means it had been granted (now released), "not_reserved" that it never was;</item>
/// <item>release in doubt: release again; "released" or "not_reserved" both leave it released;</item>
/// <item>commit in doubt: commit again; "committed" or "not_reserved" both leave it committed.</item>
/// </list>
/// These requests are not part of the measured figures.
/// </summary>
public sealed class Reconciler(InventoryClient client, OrderLedger ledger)
{
    private const int Attempts = 3;
    private const int Parallelism = 8;

    private int _reservesGranted;
    private int _reservesNotGranted;
    private int _settlementsConfirmed;

    public async Task<ReconciliationSummary> RunAsync()
    {
        var remaining = ledger.InDoubt();
        var inDoubt = remaining.Count;
        for (var attempt = 1; attempt <= Attempts && remaining.Count > 0; attempt++)
        {
            if (attempt > 1)
                await Task.Delay(TimeSpan.FromMilliseconds(500 * (attempt - 1)));
            await Parallel.ForEachAsync(remaining, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (order, _) =>
                await SettleAsync(order.Key, order.Value));
            remaining = [.. remaining.Where(order => order.Value.InDoubt)];
        }
        return new ReconciliationSummary(inDoubt, _reservesGranted, _reservesNotGranted, _settlementsConfirmed, remaining.Count);
    }

    private async Task SettleAsync(string orderId, OrderEntry entry)
    {
        if (entry.State is OrderState.ReserveInDoubt or OrderState.Pending)
        {
            var status = (await client.ReleaseAsync(entry.Sku, orderId)).Reply?.Status;
            if (status == ReplyStatus.Released)
            {
                entry.Granted();
                entry.Released();
                Interlocked.Increment(ref _reservesGranted);
            }
            else if (status == ReplyStatus.NotReserved)
            {
                entry.NotGranted();
                Interlocked.Increment(ref _reservesNotGranted);
            }
        }
        else if (entry.State == OrderState.ReleaseInDoubt)
        {
            if ((await client.ReleaseAsync(entry.Sku, orderId)).Reply?.Status is ReplyStatus.Released or ReplyStatus.NotReserved)
            {
                entry.Released();
                Interlocked.Increment(ref _settlementsConfirmed);
            }
        }
        else if (entry.State == OrderState.CommitInDoubt)
        {
            if ((await client.CommitAsync(entry.Sku, orderId)).Reply?.Status is ReplyStatus.Committed or ReplyStatus.NotReserved)
            {
                entry.Committed();
                Interlocked.Increment(ref _settlementsConfirmed);
            }
        }
    }
}

/// <summary>How many orders ended in doubt, and what asking the server again showed.</summary>
public sealed record ReconciliationSummary(int InDoubt, int ReservesGranted, int ReservesNotGranted, int SettlementsConfirmed, int Unresolved);
