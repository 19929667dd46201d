using System.Collections.Immutable;
using K8Shop.Contracts.Cart;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Faults;
using K8Shop.Contracts.Identity;
using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;
using K8Shop.Faults.Injection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using K8Shop.Grains.Durability;
using Orleans.Runtime;

namespace K8Shop.Grains.Orders;

/// <summary>
/// One order and its checkout saga. <see cref="OrderSaga"/> decides; this grain runs each step (all idempotent per
/// order id) and moves to the state <see cref="OrderSaga.Advance"/> answers. The order is stored as pending before any
/// stock moves, and again when the saga stops (settled, waiting for a decision, or a step failed), before any answer:
/// a checkout writes it twice. In between, a crash only costs redoing steps that change nothing the second time (the
/// payment keeps its one decision; a resumed order that finds itself charged keeps its sale). A transition's events
/// are stored with it (the outbox) and published after. Before its first write the order records itself and its payment
/// in the due-work index, whose sweep resumes whatever a crash cut short; the shopper's order list learns of the order
/// once it is stored.
/// </summary>
[CollectionAgeLimit(Minutes = GrainLifetimes.ShortLivedIdleMinutes)]
public sealed partial class OrderGrain(
    [PersistentState("order", OrderStorage.Table)] IPersistentState<OrderState> state,
    IOptions<OrderOptions> options,
    TimeProvider clock,
    IFaultInjector faults,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IDueWork, IRemindable
{
    private readonly OrderOptions _options = options.Value;

    // Progress of the running saga not stored yet; null when memory is what the store holds.
    private OrderState? _unstored;
    private AfterThisCall? _finishing;

    // This activation placed the order: no charge can exist that the stored state does not know of.
    private bool _placedHere;

    private string OrderId => this.GetPrimaryKeyString();

    private OrderState Order => _unstored ?? state.State;

    public async Task<OrderView> PlaceAsync(PlaceOrder command)
    {
        if (Order.Placed)
            return await PlaceAgainAsync(command);
        var startedAt = clock.GetTimestamp();
        try
        {
            var view = await PlaceNewAsync(command);
            OrderTelemetry.Checkout(Outcome(view.Status), clock.GetElapsedTime(startedAt));
            return view;
        }
        catch (Exception ex)
        {
            OrderTelemetry.Checkout(ex is K8Shop.Contracts.Rules.FieldRuleException or NotOwnerException
                ? OrderTelemetry.Outcomes.Invalid
                : OrderTelemetry.Outcomes.Error, clock.GetElapsedTime(startedAt));
            throw;
        }
    }

    private static string Outcome(OrderStatus status) => status switch
    {
        OrderStatus.Rejected => OrderTelemetry.Outcomes.Rejected,
        OrderStatus.PaymentFailed => OrderTelemetry.Outcomes.PaymentFailed,
        OrderStatus.Confirmed => OrderTelemetry.Outcomes.Confirmed,
        _ => OrderTelemetry.Outcomes.Error,
    };

    /// <summary>A retried request (same idempotency key): the saga goes on where it is, the first answer is repeated.</summary>
    private async Task<OrderView> PlaceAgainAsync(PlaceOrder command)
    {
        RequireOwner();
        if (!string.Equals(Order.RequestHash, command.RequestHash, StringComparison.Ordinal))
            throw new IdempotencyConflictException($"order {OrderId} was placed with a different request; use a new Idempotency-Key for a new order");
        await RunSagaAsync();
        return FirstReply();
    }

    private async Task<OrderView> PlaceNewAsync(PlaceOrder command)
    {
        if (string.IsNullOrWhiteSpace(command.UserId))
            throw new OrderRuleException("userId", "is required");
        if (!Caller.MayActFor(command.UserId))
            throw new NotOwnerException("an order can only be placed for the signed-in shopper");
        var requested = command.FromCart ? await CartLinesAsync(command.UserId) : command.Lines;
        var lines = OrderPricing.Normalize(requested, _options);
        OrderPricing.RequireShipping(command.Shipping);
        var catalog = GrainFactory.GetGrain<ICatalogGrain>(0);
        // Recorded as due before the order is stored, while the prices come: whatever happens after, the sweep brings
        // the order to an end and sees its payment's event out. An order that is never stored is forgotten by the sweep.
        var expecting = GrainFactory.ExpectWorkAsync(OrderId, this.GetGrainId(), Payment().GetGrainId());
        var prices = await Task.WhenAll(lines.Select(l => catalog.GetPriceAsync(l.Sku)));
        var priced = OrderPricing.Price(lines, prices);
        await expecting;

        var now = clock.GetUtcNow();
        var placed = new OrderState
        {
            UserId = command.UserId,
            Lines = priced,
            Total = OrderPricing.Total(priced),
            ItemCount = priced.Sum(l => l.Quantity),
            CreatedAt = now,
            UpdatedAt = now,
            Status = OrderStatus.Pending,
            RequestHash = command.RequestHash,
            PaymentToken = command.PaymentToken,
            FromCart = command.FromCart,
            Shipping = command.Shipping,
            Timeline = [new OrderTransition(OrderStatus.Pending, now, null)],
        };
        // Not placed if this fails: a retry places it afresh, not resume a saga that was never stored.
        await state.WriteOrReloadAsync(this, placed with { Outbox = [EventFor(placed, "order.created", now)] });
        _placedHere = true;
        LogPlaced(OrderId, priced.Length, Order.Total);

        // Listed from now on: the order table lists what it stores.
        await RunSagaAsync();
        return FirstReply();
    }

    public Task<OrderView?> GetAsync() => Task.FromResult(Order.Placed && Caller.MayActFor(Order.UserId) ? View() : null);

    public async Task<OrderView> CancelAsync()
    {
        RequirePlaced();
        await ApplyAsync(SagaEvent.CancelRequested, "cancel");
        await RunSagaAsync();
        return View();
    }

    public async Task<OrderView> SetFulfilmentAsync(OrderStatus status)
    {
        RequirePlaced();
        var @event = status switch
        {
            OrderStatus.Shipped => SagaEvent.Shipped,
            OrderStatus.Delivered => SagaEvent.Delivered,
            _ => throw new OrderRuleException("status", "must be 'shipped' or 'delivered'"),
        };
        // Delivered while a return waits for its decision: the status stays, the timeline says why it was touched.
        await ApplyAsync(@event, status == OrderStatus.Shipped ? "be shipped" : "be delivered", Order.Status == OrderStatus.ReturnRequested ? status.Wire() : null);
        FinishAfterThisCall();
        return View();
    }

    /// <summary>An order that does not exist, or that is another shopper's, is not found: its existence is not disclosed.</summary>
    private void RequirePlaced()
    {
        if (!Order.Placed)
            throw new OrderNotFoundException(OrderId);
        RequireOwner();
    }

    private void RequireOwner()
    {
        if (!Caller.MayActFor(Order.UserId))
            throw new OrderNotFoundException(OrderId);
    }

    /// <summary>Applies a request from outside the saga (cancel, ship, refund, a return's decision); a repeat that changes nothing stores nothing.</summary>
    private async Task ApplyAsync(SagaEvent @event, string action, string? note = null)
    {
        SagaPosition next;
        try
        {
            next = OrderSaga.Apply(Order.Position, @event);
        }
        catch (InvalidTransitionException)
        {
            throw new OrderStateException(OrderId, Order.Status, action);
        }
        if (next == Order.Position)
            return;
        // Whatever is left to do, a step or an event to publish, the sweep sees it done.
        if (!next.Status.IsSettled() || EventName(Order.Status, next.Status) is not null)
            await GrainFactory.ExpectWorkAsync(OrderId, this.GetGrainId());
        Advance(new StepOutcome(@event, note));
        await StoreAsync();
    }

    private async Task RunSagaAsync()
    {
        try
        {
            for (var step = OrderSaga.Next(Order.Position); step != SagaStep.None; step = OrderSaga.Next(Order.Position))
            {
                // The last stored transition's events go out while the step runs.
                var publishing = PublishOutboxAsync();
                var outcome = await RunStepAsync(step);
                await publishing;
                Advance(outcome);
                await CrashIfSwitchedOnAsync();
            }
            if (!CartDone)
            {
                // Orders stored before cart clearing moved into the commit step.
                await ClearCartAsync();
                _unstored = Order with { CartCleared = true };
            }
            await StoreAsync();
        }
        catch when (_unstored is not null)
        {
            // A step failed: the progress before it is stored, so the order reads where its saga stopped. Should that
            // write fail too, the order reloads what was stored before; the step's failure is the one to report.
            try
            {
                await StoreAsync();
            }
            catch (Exception storing)
            {
                LogProgressUnstored(storing, OrderId);
            }
            throw;
        }
        FinishAfterThisCall();
    }

    /// <summary>
    /// checkout-saga-crash: between two steps, with work left, the order stores its progress and the activation dies as
    /// a crashed silo's would (the call fails, the next one loads what was stored); the sweep, or the client's retry,
    /// resumes the saga.
    /// </summary>
    private async Task CrashIfSwitchedOnAsync()
    {
        if (!faults.AnyActive || OrderSaga.Next(Order.Position) == SagaStep.None
            || !await faults.FiresAsync(FaultNames.CheckoutSagaCrash, FaultScope.ForUser(Order.UserId)))
            return;
        await StoreAsync();
        LogCrashInjected(OrderId, Order.Status.Wire());
        DeactivateOnIdle();
        throw new FaultInjectedException(FaultNames.CheckoutSagaCrash);
    }

    /// <summary>Moves the order on in memory, with the event the transition publishes in its outbox.</summary>
    private void Advance(StepOutcome outcome)
    {
        var now = clock.GetUtcNow();
        var next = OrderSaga.Advance(Order, outcome, now);
        if (EventName(Order.Status, next.Status) is { } name)
            next = next with { Outbox = next.Outbox.Add(EventFor(next, name, now)) };
        _unstored = next;
    }

    /// <summary>Stores the saga's progress (write-or-reload: a failed write leaves the order as stored, and reloads it).</summary>
    private async Task StoreAsync()
    {
        if (_unstored is not { } next)
            return;
        var before = state.State.Status;
        _unstored = null;
        await state.WriteOrReloadAsync(this, next);
        LogTransition(OrderId, before.Wire(), next.Status.Wire());
    }

    private async Task<ImmutableArray<OrderLineRequest>> CartLinesAsync(string userId)
    {
        var cart = await GrainFactory.GetGrain<ICartGrain>(userId).GetAsync();
        if (cart.Items.IsEmpty)
            throw new OrderRuleException("items", "required: the order has no lines and the user's cart is empty");
        return [.. cart.Items.Select(i => new OrderLineRequest(i.ProductId, i.Quantity))];
    }

    private OrderView View() => OrderViews.Current(OrderId, Order);

    /// <summary>The answer the placing request got (or would have got): the order as it stood when it first settled.</summary>
    private OrderView FirstReply() => OrderViews.FirstReply(OrderId, Order);

    private static OrderPayment Summary(PaymentView payment) => new(payment.WireStatus, payment.PaymentId, payment.Reference, payment.Reason);

    private IInventorySkuGrain Inventory(string sku) => GrainFactory.GetGrain<IInventorySkuGrain>(InventoryKey.For(sku));

    private IPaymentGrain Payment() => GrainFactory.GetGrain<IPaymentGrain>(OrderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: {Count} events stored but not yet published; the due-work sweep or a retry publishes them")]
    private partial void LogUnpublished(Exception exception, string orderId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: a step failed and its progress could not be stored either; it resumes from what was stored")]
    private partial void LogProgressUnstored(Exception exception, string orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} placed: {LineCount} lines, total {Total}")]
    private partial void LogPlaced(string orderId, int lineCount, decimal total);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId}: {From} -> {To}")]
    private partial void LogTransition(string orderId, string from, string to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} out of stock on {Skus}")]
    private partial void LogOutOfStock(string orderId, string skus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} payment declined: {Reason}")]
    private partial void LogDeclined(string orderId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: fault checkout-saga-crash cut its saga at {Status}; the due-work sweep resumes it")]
    private partial void LogCrashInjected(string orderId, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} resuming its saga at {Status}")]
    private partial void LogResuming(string orderId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} could not resume at {Status}; the due-work sweep will try again")]
    private partial void LogResumeFailed(Exception exception, string orderId, string status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId} was paid after its reservations on {Skus} lapsed; those units were not deducted (check stock)")]
    private partial void LogLapsedCommit(string orderId, string skus);
}
