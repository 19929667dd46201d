using System.Collections.Immutable;
using K8Shop.Contracts.Inventory;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace K8Shop.Grains.Inventory;

/// <summary>
/// The original's all-or-nothing apply without transactions: reserve every line for the order, then commit
/// them all; if any line is short, release what was reserved. A crash midway leaves only reservations, which
/// expire by themselves. Repeating an apply for the same order repeats its answer and takes nothing more.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class InventoryApplyGrain(IOptions<InventoryOptions> options) : Grain, IInventoryApplyGrain
{
    public async Task<ApplyResult> ApplyAsync(string orderId, IReadOnlyList<StockLine> lines)
    {
        var ttl = options.Value.DefaultReservationTtl;
        var grains = lines.Select(l => GrainFactory.GetGrain<IInventorySkuGrain>(InventoryKey.For(l.Sku))).ToList();
        var reservations = await Task.WhenAll(lines.Select((line, i) => Settle(grains[i].ReserveAsync(orderId, line.Quantity, ttl))));

        var failure = reservations.Select(r => r.Error).FirstOrDefault(e => e is not null);
        var shortSkus = reservations.Where(r => r.Result is { Status: not (ReservationStatus.Reserved or ReservationStatus.Committed) })
            .Select(r => r.Result!.Sku).ToImmutableArray();
        if (failure is not null || !shortSkus.IsEmpty)
        {
            await Task.WhenAll(reservations.Select((r, i) => r.Result?.Status == ReservationStatus.Reserved ? grains[i].ReleaseAsync(orderId) : Task.CompletedTask));
            return failure is null ? new ApplyResult(false, shortSkus) : throw failure;
        }

        await Task.WhenAll(grains.Select(g => g.CommitAsync(orderId)));
        return new ApplyResult(true, []);
    }

    private static async Task<(ReservationResult? Result, Exception? Error)> Settle(Task<ReservationResult> reservation)
    {
        try
        {
            return (await reservation, null);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }
}
