using System.Collections.Immutable;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Inventory;
using K8Shop.Grains.Events;
using K8Shop.Grains.Orders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
/// touched, and the outcome is stored with its <c>inventory.updated</c> / <c>inventory.failed</c> event, published
/// after: a crash in between is finished by the reminder (every step is idempotent per order id), and the event
/// reaches the broker at least once under the same message id. Repeating an apply answers its first outcome.
/// </summary>
[CollectionAgeLimit(Minutes = GrainLifetimes.ShortLivedIdleMinutes)]
public sealed partial class InventoryOrderApplyGrain(
    [PersistentState("inventoryApply", OrderStorage.Name)] IPersistentState<InventoryApplyState> state,
    IOptions<InventoryOptions> inventory,
    IOptions<OrderOptions> orders,
    TimeProvider clock,
    ILogger<InventoryOrderApplyGrain> logger) : Grain, IInventoryOrderApplyGrain, IRemindable
{
    private const string ReminderName = "inventory-apply";

    // The reminder as this activation registered it: forgetting it then needs no lookup.
    private IGrainReminder? _reminder;

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
            _reminder = await this.RegisterOrUpdateReminder(ReminderName, orders.Value.ResumeAfter, orders.Value.ResumeAfter);
            state.State.Lines = [.. lines];
            await WriteAsync();
        }
        return await RunAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
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
            await ForgetReminderAsync();
        }
        catch (Exception ex)
        {
            LogResumeFailed(ex, OrderId);
        }
    }

    private async Task<ApplyResult> RunAsync()
    {
        var lines = state.State.Lines;
        var result = await ApplyLinesAsync(lines);
        state.State.Result = result;
        state.State.Outbox = [Event(lines, result)];
        await WriteAsync();
        await PublishOutboxAsync();
        await ForgetReminderAsync();
        return result;
    }

    private async Task ForgetReminderAsync()
    {
        if ((_reminder ?? await this.GetReminder(ReminderName)) is { } reminder)
            await this.UnregisterReminder(reminder);
        _reminder = null;
    }

    private async Task<ApplyResult> ApplyLinesAsync(ImmutableArray<StockLine> lines)
    {
        var ttl = inventory.Value.DefaultReservationTtl;
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

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory is ahead of the store: reload on the next call and redo from what is stored.
            DeactivateOnIdle();
            throw;
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory apply for order {OrderId} could not resume; the reminder will try again")]
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
