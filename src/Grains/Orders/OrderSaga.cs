using K8Shop.Contracts.Orders;

namespace K8Shop.Grains.Orders;

/// <summary>What happened in a saga step (or was asked of the order); the input of <see cref="OrderSaga.Apply"/>.</summary>
public enum SagaEvent
{
    StockReserved,
    StockShort,
    PaymentApproved,
    PaymentDeclined,
    StockCommitted,
    StockReleased,
    PaymentCancelled,
    StockReturned,
    CancelRequested,
    Shipped,
    Delivered,

    /// <summary>Someone asked for the order's payment back: a cancellation before shipping, a return request after.</summary>
    RefundRequested,

    /// <summary>An admin accepted a requested return: refund and take the units back.</summary>
    ReturnApproved,

    /// <summary>An admin refused a requested return: the order goes back to where its fulfilment stood.</summary>
    ReturnDeclined,
}

/// <summary>The work an order has to do next to move on.</summary>
public enum SagaStep
{
    None,
    ReserveStock,
    Charge,
    CommitStock,
    ReleaseStock,
    CancelPayment,
    ReturnStock,
}

/// <summary>
/// Where the saga stands: the status, the settled status a release, cancellation or return is heading for, whether
/// stock was sold (which decides whether a cancellation returns units or releases reservations), and, while a return
/// is requested, how far fulfilment had got (<see cref="OrderStatus.Shipped"/> or <see cref="OrderStatus.Delivered"/>),
/// which is where a declined return goes back to.
/// </summary>
public sealed record SagaPosition(OrderStatus Status, OrderStatus? Ending = null, bool StockCommitted = false, OrderStatus? Fulfilment = null);

/// <summary>
/// The checkout saga as a pure state machine: no clock, no storage, no calls. The grain asks <see cref="Next"/>
/// what to do, does it (every step is idempotent, so a step repeated after a crash changes nothing more), and
/// stores <see cref="Apply"/>'s answer before doing anything else.
/// </summary>
/// <remarks>
/// Money goes back only through the order, so stock and status always follow it. A refund before shipping is a
/// cancellation (refund, then return or release the units, ending <see cref="OrderStatus.Cancelled"/>); after
/// shipping the books are with the shopper, so a refund is a return request that an admin decides: approved, it runs
/// the same refund and return steps towards <see cref="OrderStatus.Returned"/>. No refunded order can ship: shipping
/// is allowed from <see cref="OrderStatus.Confirmed"/> only, and every refund leaves that status first.
/// </remarks>
public static class OrderSaga
{
    public static SagaStep Next(SagaPosition position) => position.Status switch
    {
        OrderStatus.Pending => SagaStep.ReserveStock,
        OrderStatus.Reserved => SagaStep.Charge,
        OrderStatus.Paid => SagaStep.CommitStock,
        OrderStatus.Releasing => SagaStep.ReleaseStock,
        OrderStatus.Refunding => SagaStep.CancelPayment,
        OrderStatus.Returning => SagaStep.ReturnStock,
        _ => SagaStep.None,
    };

    /// <summary>The position after <paramref name="event"/>; throws <see cref="InvalidTransitionException"/> when it cannot happen here.</summary>
    public static SagaPosition Apply(SagaPosition position, SagaEvent @event)
    {
        var status = position.Status;
        return (status, @event) switch
        {
            (OrderStatus.Pending, SagaEvent.StockReserved) => position with { Status = OrderStatus.Reserved },
            (OrderStatus.Pending, SagaEvent.StockShort) => Releasing(position, OrderStatus.Rejected),
            (OrderStatus.Pending, SagaEvent.CancelRequested) => Releasing(position, OrderStatus.Cancelled),

            (OrderStatus.Reserved, SagaEvent.PaymentApproved) => position with { Status = OrderStatus.Paid },
            (OrderStatus.Reserved, SagaEvent.PaymentDeclined) => Releasing(position, OrderStatus.PaymentFailed),
            // A reservation that lapsed before the charge: the order cannot be sure of its stock any more.
            (OrderStatus.Reserved, SagaEvent.StockShort) => Releasing(position, OrderStatus.Rejected),
            // The charge may have gone through just before a crash: void or refund it before giving stock back.
            (OrderStatus.Reserved, SagaEvent.CancelRequested) => Cancelling(position),

            (OrderStatus.Paid, SagaEvent.StockCommitted) => position with { Status = OrderStatus.Confirmed, StockCommitted = true },
            (OrderStatus.Paid, SagaEvent.CancelRequested) => Cancelling(position),

            (OrderStatus.Confirmed, SagaEvent.CancelRequested) => Cancelling(position),
            (OrderStatus.Confirmed, SagaEvent.Shipped) => position with { Status = OrderStatus.Shipped },
            (OrderStatus.Shipped, SagaEvent.Shipped) => position,
            (OrderStatus.Shipped, SagaEvent.Delivered) => position with { Status = OrderStatus.Delivered },
            (OrderStatus.Delivered, SagaEvent.Delivered) => position,

            // Before shipping a refund is a cancellation; the charge may exist from Reserved on (a crash after it).
            (OrderStatus.Reserved or OrderStatus.Paid or OrderStatus.Confirmed, SagaEvent.RefundRequested) => Cancelling(position),
            (OrderStatus.Shipped or OrderStatus.Delivered, SagaEvent.RefundRequested) =>
                position with { Status = OrderStatus.ReturnRequested, Fulfilment = position.Status },
            // A decline retried after it went through changes nothing.
            (OrderStatus.Shipped or OrderStatus.Delivered, SagaEvent.ReturnDeclined) => position,

            (OrderStatus.ReturnRequested, SagaEvent.RefundRequested or SagaEvent.Shipped) => position,
            // The carrier may still deliver while the shopper waits for the decision.
            (OrderStatus.ReturnRequested, SagaEvent.Delivered) => position with { Fulfilment = OrderStatus.Delivered },
            (OrderStatus.ReturnRequested, SagaEvent.ReturnApproved) =>
                position with { Status = OrderStatus.Refunding, Ending = OrderStatus.Returned, Fulfilment = null },
            (OrderStatus.ReturnRequested, SagaEvent.ReturnDeclined) =>
                new SagaPosition(position.Fulfilment ?? OrderStatus.Delivered, null, position.StockCommitted),

            (OrderStatus.Releasing, SagaEvent.StockReleased) => new SagaPosition(position.Ending ?? OrderStatus.Rejected, null, position.StockCommitted),
            (OrderStatus.Releasing, SagaEvent.CancelRequested or SagaEvent.RefundRequested) when position.Ending == OrderStatus.Cancelled => position,

            (OrderStatus.Refunding, SagaEvent.PaymentCancelled) => position.StockCommitted
                ? position with { Status = OrderStatus.Returning }
                : Releasing(position, OrderStatus.Cancelled),
            (OrderStatus.Refunding or OrderStatus.Returning, SagaEvent.CancelRequested) when position.Ending != OrderStatus.Returned => position,
            (OrderStatus.Refunding or OrderStatus.Returning, SagaEvent.RefundRequested) => position,
            (OrderStatus.Refunding or OrderStatus.Returning, SagaEvent.ReturnApproved) when position.Ending == OrderStatus.Returned => position,

            (OrderStatus.Returning, SagaEvent.StockReturned) =>
                new SagaPosition(position.Ending == OrderStatus.Returned ? OrderStatus.Returned : OrderStatus.Cancelled, null, position.StockCommitted),

            (OrderStatus.Cancelled, SagaEvent.CancelRequested or SagaEvent.RefundRequested) => position,
            (OrderStatus.Returned, SagaEvent.RefundRequested or SagaEvent.ReturnApproved) => position,

            _ => throw new InvalidTransitionException(status, @event),
        };
    }

    /// <summary>
    /// The order after <paramref name="outcome"/> at <paramref name="at"/>: its new position, what the step learnt, and
    /// the transition on its timeline; the first time it settles, where its first reply ends. Throws
    /// <see cref="InvalidTransitionException"/> when the outcome's event cannot happen here.
    /// </summary>
    public static OrderState Advance(OrderState order, StepOutcome outcome, DateTimeOffset at)
    {
        var next = Apply(order.Position, outcome.Event);
        var advanced = order with
        {
            Status = next.Status,
            Ending = next.Ending,
            StockCommitted = next.StockCommitted,
            Fulfilment = next.Fulfilment,
            UpdatedAt = at,
            Timeline = order.Timeline.Add(new OrderTransition(next.Status, at, outcome.Note)),
            Payment = outcome.Payment ?? order.Payment,
            Reason = outcome.Reason ?? order.Reason,
            ShortSkus = outcome.ShortSkus ?? order.ShortSkus,
            ReservedUntil = outcome.ReservedUntil ?? order.ReservedUntil,
            CartCleared = order.CartCleared || outcome.CartCleared,
        };
        return next.Status.IsSettled() && advanced.FirstReplyLength == 0 && advanced.LegacyFirstReply is null
            ? advanced with { FirstReplyLength = advanced.Timeline.Length, FirstReplyPayment = advanced.Payment }
            : advanced;
    }

    /// <summary>True when <paramref name="event"/> may happen at <paramref name="position"/>.</summary>
    public static bool Allows(SagaPosition position, SagaEvent @event)
    {
        try
        {
            Apply(position, @event);
            return true;
        }
        catch (InvalidTransitionException)
        {
            return false;
        }
    }

    private static SagaPosition Releasing(SagaPosition position, OrderStatus ending) =>
        position with { Status = OrderStatus.Releasing, Ending = ending };

    private static SagaPosition Cancelling(SagaPosition position) =>
        position with { Status = OrderStatus.Refunding, Ending = OrderStatus.Cancelled };
}

/// <summary>A saga event that cannot happen in the order's current status.</summary>
public sealed class InvalidTransitionException(OrderStatus status, SagaEvent @event)
    : InvalidOperationException($"{@event} cannot happen to an order that is {status.Wire()}")
{
    public OrderStatus Status { get; } = status;

    public SagaEvent Event { get; } = @event;
}
