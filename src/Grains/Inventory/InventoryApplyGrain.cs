using System.Collections.Immutable;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Rules;
using K8Shop.Grains.Durability;
using K8Shop.Grains.Events;
using K8Shop.Grains.Orders;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace K8Shop.Grains.Inventory;

/// <summary>The original's <c>POST /inventory/apply</c> entry point: hands each order to its own stored apply.</summary>
[StatelessWorker, Reentrant]
public sealed class InventoryApplyGrain : Grain, IInventoryApplyGrain
{
    public Task<ApplyResult> ApplyAsync(string orderId, IReadOnlyList<StockLine> lines) =>
        GrainFactory.GetGrain<IInventoryOrderApplyGrain>(orderId).ApplyAsync(lines);
}

/// <summary>
/// The original's all-or-nothing apply without transactions, for one order: reserve every line, then commit them all;
/// if any line is short, release what was reserved. The lines are stored (with a reminder) before any stock is
/// touched (recorded in the due-work index first), and the outcome is stored with its <c>inventory.updated</c> /
/// <c>inventory.failed</c> event, published after: a crash in between is finished by the due-work sweep (every step is
/// idempotent per order id), and the event reaches the broker at least once under the same message id. Repeating an
/// apply answers its first outcome.
/// </summary>
[CollectionAgeLimit(Minutes = GrainLifetimes.ShortLivedIdleMinutes)]
public sealed partial class InventoryOrderApplyGrain(
    [PersistentState("inventoryApply", OrderStorage.Name)] IPersistentState<InventoryApplyState> state,
    TimeProvider clock,
    ILogger<InventoryOrderApplyGrain> logger) : Grain, IInventoryOrderApplyGrain, IDueWork, IRemindable
{
    /// <summary>An apply stored before the due-work index had a reminder (<c>inventory-apply</c>): its next tick finishes the apply, or hands it to the index, and removes the reminder.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!await ResumeDueWorkAsync())
            await GrainFactory.ExpectWorkAsync(OrderId, this.GetGrainId());
        if (await this.GetReminder(reminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    private string OrderId => this.GetPrimaryKeyString();

    public async Task<ApplyResult> ApplyAsync(IReadOnlyList<StockLine> lines)
    {
        if (state.State.Result is { } done)
        {
            await PublishOutboxAsync();
            return done;
        }
        if (state.State.Lines.IsDefaultOrEmpty)
        {
            RequireWithinLimits(lines);
            await GrainFactory.ExpectWorkAsync(OrderId, this.GetGrainId());
            await state.WriteOrReloadAsync(this, new InventoryApplyState { Lines = [.. lines] });
        }
        return await RunAsync();
    }

    public async Task<bool> ResumeDueWorkAsync()
    {
        try
        {
            if (state.State.Result is null && !state.State.Lines.IsDefaultOrEmpty)
            {
                LogResuming(OrderId);
                await RunAsync();
            }
            else
            {
                await PublishOutboxAsync();
            }
            return true;
        }
        catch (Exception ex)
        {
            LogResumeFailed(ex, OrderId);
            return false;
        }
    }

    private async Task<ApplyResult> RunAsync()
    {
        var lines = state.State.Lines;
        var result = await ApplyLinesAsync(lines);
        await state.WriteOrReloadAsync(this, new InventoryApplyState { Lines = lines, Result = result, Outbox = [Event(lines, result)] });
        await PublishOutboxAsync();
        GrainFactory.WorkDone(OrderId, this.GetGrainId());
        return result;
    }

    private async Task<ApplyResult> ApplyLinesAsync(ImmutableArray<StockLine> lines)
    {
        var ttl = ShopLimits.Inventory.DefaultReservationLifetime;
        var grains = lines.Select(l => GrainFactory.GetGrain<IInventorySkuGrain>(InventoryKey.For(l.Sku))).ToList();
        var reservations = await Task.WhenAll(lines.Select((line, i) => Settle(grains[i].ReserveAsync(OrderId, line.Quantity, ttl))));

        var failure = reservations.Select(r => r.Error).FirstOrDefault(e => e is not null);
        var shortSkus = reservations.Where(r => r.Result is { Status: not (ReservationStatus.Reserved or ReservationStatus.Committed) })
            .Select(r => r.Result!.Sku).ToImmutableArray();
        if (failure is not null || !shortSkus.IsEmpty)
        {
            await Task.WhenAll(reservations.Select((r, i) => r.Result?.Status == ReservationStatus.Reserved ? grains[i].ReleaseAsync(OrderId) : Task.CompletedTask));
            return failure is null ? new ApplyResult(false, shortSkus) : throw failure;
        }

        await Task.WhenAll(grains.Select(g => g.CommitAsync(OrderId)));
        return new ApplyResult(true, []);
    }

    /// <summary>
    /// Refuses, before anything is stored, only what no stock could answer: a quantity above the largest stock a SKU may
    /// hold, or more SKUs than one apply takes. A large quantity the stock cannot cover is for the stock to answer
    /// (<c>inventory.failed</c>, out of stock).
    /// </summary>
    private static void RequireWithinLimits(IReadOnlyList<StockLine> lines)
    {
        if (lines.Count > ShopLimits.Inventory.MaxSkusPerApply)
            throw new InventoryRuleException("items", $"must name at most {ShopLimits.Inventory.MaxSkusPerApply} different SKUs (got {lines.Count})");
        foreach (var line in lines)
            InventoryRules.RequireQuantity(line.Quantity);
    }

    private InventoryUpdatedEvent Event(ImmutableArray<StockLine> lines, ApplyResult result)
    {
        var status = result.Applied ? "inventory.updated" : "inventory.failed";
        return new InventoryUpdatedEvent
        {
            MessageId = IntegrationEvent.StableMessageId(OrderId, status),
            CorrelationId = OrderId,
            OccurredAt = clock.GetUtcNow(),
            OrderId = OrderId,
            Status = status,
            Items = [.. lines.Select(l => new InventoryEventLine(l.Sku, l.Quantity))],
            Reason = result.Applied ? null : "out_of_stock",
        };
    }

    private async Task PublishOutboxAsync()
    {
        if (state.State.Outbox.IsDefaultOrEmpty)
            return;
        var (left, failure) = await EventOutbox.PublishAsync(this.GetStreamProvider(EventStreams.ProviderName), state.State.Outbox);
        state.State.Outbox = left;
        if (failure is not null)
            throw EventOutbox.Unpublished(OrderId, failure);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory apply for order {OrderId} resuming after an interruption")]
    private partial void LogResuming(string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory apply for order {OrderId} could not resume; the due-work sweep will try again")]
    private partial void LogResumeFailed(Exception exception, string orderId);
}

/// <summary>One order's apply as stored: its lines (before any stock moves), then its outcome and event.</summary>
[GenerateSerializer, Alias("k8shop.inventory.InventoryApplyState")]
public sealed class InventoryApplyState
{
    [Id(0)] public ImmutableArray<StockLine> Lines { get; set; } = [];
    [Id(1)] public ApplyResult? Result { get; set; }
    [Id(2)] public ImmutableArray<IntegrationEvent> Outbox { get; set; } = [];
}
