using System.Collections.Immutable;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Inventory;
using K8Shop.Grains.Events;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace K8Shop.Grains.Inventory;

/// <summary>
/// The original's all-or-nothing apply without transactions: reserve every line for the order, then commit
/// them all; if any line is short, release what was reserved. A crash midway leaves only reservations, which
/// expire by themselves. Repeating an apply for the same order repeats its answer and takes nothing more.
/// The original's <c>inventory.updated</c> event (status <c>inventory.updated</c> or <c>inventory.failed</c>) is
/// published before the answer; if it cannot be, the call fails and its retry (same order id) publishes it, under
/// the same message id.
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
            if (failure is not null)
                throw failure;
            await PublishAsync(orderId, lines, applied: false);
            return new ApplyResult(false, shortSkus);
        }

        await Task.WhenAll(grains.Select(g => g.CommitAsync(orderId)));
        await PublishAsync(orderId, lines, applied: true);
        return new ApplyResult(true, []);
    }

    private async Task PublishAsync(string orderId, IReadOnlyList<StockLine> lines, bool applied)
    {
        var status = applied ? "inventory.updated" : "inventory.failed";
        var updated = new InventoryUpdatedEvent
        {
            MessageId = IntegrationEvent.StableMessageId(orderId, status),
            CorrelationId = orderId,
            OccurredAt = DateTimeOffset.UtcNow,
            OrderId = orderId,
            Status = status,
            Items = [.. lines.Select(l => new InventoryEventLine(l.Sku, l.Quantity))],
            Reason = applied ? null : "out_of_stock",
        };
        var (_, failure) = await EventOutbox.PublishAsync(this.GetStreamProvider(EventStreams.ProviderName), [updated]);
        if (failure is not null)
            throw EventOutbox.Unpublished(orderId, failure);
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
