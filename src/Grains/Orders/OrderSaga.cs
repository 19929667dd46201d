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
/// Where the saga stands: the status, the settled status a release is heading for, and whether stock was sold
/// (which decides whether a cancellation returns units or releases reservations).
/// </summary>
public sealed record SagaPosition(OrderStatus Status, OrderStatus? Ending = null, bool StockCommitted = false);

/// <summary>
/// The checkout saga as a pure state machine: no clock, no storage, no calls. The grain asks <see cref="Next"/>
/// what to do, does it (every step is idempotent, so a step repeated after a crash changes nothing more), and
/// stores <see cref="Apply"/>'s answer before doing anything else.
/// </summary>
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

            (OrderStatus.Releasing, SagaEvent.StockReleased) => new SagaPosition(position.Ending ?? OrderStatus.Rejected, null, position.StockCommitted),
            (OrderStatus.Releasing, SagaEvent.CancelRequested) when position.Ending == OrderStatus.Cancelled => position,

            (OrderStatus.Refunding, SagaEvent.PaymentCancelled) => position.StockCommitted
                ? position with { Status = OrderStatus.Returning }
                : Releasing(position, OrderStatus.Cancelled),
            (OrderStatus.Refunding, SagaEvent.CancelRequested) => position,

            (OrderStatus.Returning, SagaEvent.StockReturned) => new SagaPosition(OrderStatus.Cancelled, null, position.StockCommitted),
            (OrderStatus.Returning, SagaEvent.CancelRequested) => position,

            (OrderStatus.Cancelled, SagaEvent.CancelRequested) => position,

            _ => throw new InvalidTransitionException(status, @event),
        };
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
