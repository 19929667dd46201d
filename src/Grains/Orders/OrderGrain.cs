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
using Orleans.Runtime;

namespace K8Shop.Grains.Orders;

/// <summary>
/// One order and its checkout saga. <see cref="OrderSaga"/> decides; this grain runs each step (all idempotent
/// per order id), stores the transition, and only then moves on or answers. A transition's events are stored with it
/// (the outbox) and published while the next step runs, the last ones just after the answer. A reminder registered
/// before the order is first stored resumes a saga a crash cut short, or publishes what a crash left in the outbox,
/// and is removed once nothing is left to do.
/// </summary>
[CollectionAgeLimit(Minutes = GrainLifetimes.ShortLivedIdleMinutes)]
public sealed partial class OrderGrain(
    [PersistentState("order", OrderStorage.Name)] IPersistentState<OrderState> state,
    IOptions<OrderOptions> options,
    TimeProvider clock,
    IFaultInjector faults,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IRemindable
{
    public const string ReminderName = "checkout-saga";

    private readonly OrderOptions _options = options.Value;

    // The reminder as this activation registered it: forgetting it then needs no lookup.
    private IGrainReminder? _reminder;
    private IGrainTimer? _finishing;

    private string OrderId => this.GetPrimaryKeyString();

    private OrderState Order => state.State;

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
        return Order.FirstReply ?? View();
    }

    private async Task<OrderView> PlaceNewAsync(PlaceOrder command)
    {
        if (string.IsNullOrWhiteSpace(command.UserId))
            throw new OrderRuleException("userId", "is required");
        if (!Caller.MayActFor(command.UserId))
            throw new NotOwnerException("an order can only be placed for the signed-in shopper");
        var requested = command.FromCart ? await CartLinesAsync(command.UserId) : command.Lines;
        var lines = OrderPricing.Normalize(requested, _options);
        var catalog = GrainFactory.GetGrain<ICatalogGrain>(0);
        var prices = await Task.WhenAll(lines.Select(l => catalog.GetPriceAsync(l.Sku)));
        var priced = OrderPricing.Price(lines, prices);

        // The reminder first: whatever happens after, something will bring the order to an end. The user's index
        // may point at an order a crash kept from being stored; readers skip those.
        var now = clock.GetUtcNow();
        await Task.WhenAll(RememberAsync(), GrainFactory.GetGrain<IUserOrdersGrain>(command.UserId).AddAsync(OrderId, now));
        state.State = new OrderState
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
        Order.Outbox = [EventFor("order.created", now)];
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not placed after all: a retry must place it afresh, not resume a saga that was never stored.
            state.State = new OrderState();
            DeactivateOnIdle();
            throw;
        }
        LogPlaced(OrderId, priced.Length, Order.Total);

        await RunSagaAsync();
        return Order.FirstReply ?? View();
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

    public async Task<OrderView?> ResumeAsync()
    {
        if (!Order.Placed)
            return null;
        await RunSagaAsync();
        return View();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!Order.Placed)
        {
            await ForgetReminderAsync();
            return;
        }
        // A settled order may still have events to see out (its own or its payment's); the timer after this call does that.
        if (!Done)
        {
            LogResuming(OrderId, Order.Status.Wire());
            if (!Order.Status.IsSettled())
                OrderTelemetry.Resumed(OrderSaga.Next(Order.Position).ToString());
        }
        try
        {
            await RunSagaAsync();
        }
        catch (Exception ex)
        {
            // The next tick tries again; each step is idempotent.
            LogResumeFailed(ex, OrderId, Order.Status.Wire());
        }
    }

    /// <summary>Nothing left for the reminder: the saga settled, the cart is cleared, every event is published.</summary>
    private bool Done => Order.Status.IsSettled() && CartDone && Order.Outbox.IsEmpty;

    // An order placed from the cart takes its lines out of the cart once confirmed.
    private bool CartDone => !(Order.FromCart && !Order.CartCleared && Order.Status == OrderStatus.Confirmed);

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
        // Whatever is left to do, a step or an event to publish, the reminder sees it done.
        if (!next.Status.IsSettled() || EventName(Order.Status, next.Status) is not null)
            await RememberAsync();
        await StoreAsync(next, note, _ => { });
    }

    private async Task RunSagaAsync()
    {
        for (var step = OrderSaga.Next(Order.Position); step != SagaStep.None; step = OrderSaga.Next(Order.Position))
        {
            // The last transition's events are stored already, so they go out while the step runs; both are done
            // before the next transition is stored (with the emptied outbox).
            var publishing = PublishOutboxAsync();
            var (@event, note, change) = await RunStepAsync(step);
            await publishing;
            await StoreAsync(OrderSaga.Apply(Order.Position, @event), note, change);
            await CrashIfSwitchedOnAsync();
        }

        if (!CartDone)
        {
            // Orders stored before cart clearing moved into the commit step.
            await ClearCartAsync();
            Order.CartCleared = true;
            await state.WriteStateAsync();
        }
        FinishAfterThisCall();
    }

    /// <summary>
    /// checkout-saga-crash: between two stored steps, with work left, the activation dies as a crashed silo's would
    /// (the call fails, the next one loads what was stored); the reminder, or the client's retry, resumes the saga.
    /// </summary>
    private async Task CrashIfSwitchedOnAsync()
    {
        if (!faults.AnyActive || OrderSaga.Next(Order.Position) == SagaStep.None
            || !await faults.FiresAsync(FaultNames.CheckoutSagaCrash, FaultScope.ForUser(Order.UserId)))
            return;
        LogCrashInjected(OrderId, Order.Status.Wire());
        DeactivateOnIdle();
        throw new FaultInjectedException(FaultNames.CheckoutSagaCrash);
    }

    private async Task StoreAsync(SagaPosition next, string? note, Action<OrderState> change)
    {
        var now = clock.GetUtcNow();
        var before = Order.Status;
        change(Order);
        Order.Status = next.Status;
        Order.Ending = next.Ending;
        Order.StockCommitted = next.StockCommitted;
        Order.Fulfilment = next.Fulfilment;
        Order.UpdatedAt = now;
        Order.Timeline = Order.Timeline.Add(new OrderTransition(next.Status, now, note));
        if (next.Status.IsSettled() && Order.FirstReply is null)
            Order.FirstReply = View();
        if (EventName(before, next.Status) is { } name)
            Order.Outbox = Order.Outbox.Add(EventFor(name, now));
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory now runs ahead of the store: reload on the next call, and redo the step from what is stored.
            DeactivateOnIdle();
            throw;
        }
        LogTransition(OrderId, before.Wire(), next.Status.Wire());
    }

    private async Task<ImmutableArray<OrderLineRequest>> CartLinesAsync(string userId)
    {
        var cart = await GrainFactory.GetGrain<ICartGrain>(userId).GetAsync();
        if (cart.Items.IsEmpty)
            throw new OrderRuleException("items", "required: the order has no lines and the user's cart is empty");
        return [.. cart.Items.Select(i => new OrderLineRequest(i.ProductId, i.Quantity))];
    }

    private OrderView View() => new(
        OrderId, Order.UserId, Order.Status, Order.Total, Order.ItemCount, Order.Lines, Order.CreatedAt, Order.UpdatedAt,
        Order.Payment ?? new OrderPayment(Order.Status is OrderStatus.Rejected ? "payment.skipped" : "payment.pending", null, null, null),
        Order.Reason, Order.ShortSkus, Order.Timeline, Order.FromCart, Order.Shipping);

    private static OrderPayment Summary(PaymentView payment) => new(payment.WireStatus, payment.PaymentId, payment.Reference, payment.Reason);

    private IInventorySkuGrain Inventory(string sku) => GrainFactory.GetGrain<IInventorySkuGrain>(InventoryKey.For(sku));

    private IPaymentGrain Payment() => GrainFactory.GetGrain<IPaymentGrain>(OrderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: {Count} events stored but not yet published; the reminder or a retry publishes them")]
    private partial void LogUnpublished(Exception exception, string orderId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} placed: {LineCount} lines, total {Total}")]
    private partial void LogPlaced(string orderId, int lineCount, decimal total);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId}: {From} -> {To}")]
    private partial void LogTransition(string orderId, string from, string to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} out of stock on {Skus}")]
    private partial void LogOutOfStock(string orderId, string skus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} payment declined: {Reason}")]
    private partial void LogDeclined(string orderId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: fault checkout-saga-crash cut its saga at {Status}; the reminder resumes it")]
    private partial void LogCrashInjected(string orderId, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} resuming its saga at {Status}")]
    private partial void LogResuming(string orderId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} could not resume at {Status}; the reminder will try again")]
    private partial void LogResumeFailed(Exception exception, string orderId, string status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId} was paid after its reservations on {Skus} lapsed; those units were not deducted (check stock)")]
    private partial void LogLapsedCommit(string orderId, string skus);
}
