namespace K8Shop.Contracts.Orders;

/// <summary>
/// Where an order is in its life. The checkout saga moves it from <see cref="Pending"/> to one of the settled
/// states (<see cref="Confirmed"/>, <see cref="Rejected"/>, <see cref="PaymentFailed"/>); the in-between states
/// are seen only while a step runs or after a crash interrupted one (a reminder then resumes it).
/// </summary>
public enum OrderStatus
{
    /// <summary>Priced and stored; stock not yet reserved.</summary>
    Pending = 0,

    /// <summary>Every line's stock is held for the order; not yet charged.</summary>
    Reserved = 1,

    /// <summary>Charged; the reservations are being committed.</summary>
    Paid = 2,

    /// <summary>Charged and the stock sold: the order will ship.</summary>
    Confirmed = 3,

    /// <summary>Giving back held stock before ending as <see cref="Rejected"/>, <see cref="PaymentFailed"/> or <see cref="Cancelled"/>.</summary>
    Releasing = 4,

    /// <summary>Some line was out of stock; nothing was charged and nothing is held.</summary>
    Rejected = 5,

    /// <summary>The payment was declined; nothing is held.</summary>
    PaymentFailed = 6,

    /// <summary>Cancelling, or taking back an approved return: refunding (or voiding) the payment.</summary>
    Refunding = 7,

    /// <summary>Cancelling a confirmed order, or taking back an approved return: its sold units go back to stock.</summary>
    Returning = 8,

    /// <summary>Cancelled: refunded if it was paid, its stock back.</summary>
    Cancelled = 9,

    Shipped = 10,

    Delivered = 11,

    /// <summary>
    /// The shopper asked for a refund of a shipped or delivered order: the books are on their way back, nothing is
    /// refunded yet, and it cannot ship again. An admin approves (refund, stock back, <see cref="Returned"/>) or declines
    /// (back to shipped or delivered).
    /// </summary>
    ReturnRequested = 12,

    /// <summary>A return the admin approved: refunded once and its units back in stock.</summary>
    Returned = 13,
}

public static class OrderStatuses
{
    /// <summary>The name clients see: snake_case (<c>payment_failed</c>).</summary>
    public static string Wire(this OrderStatus status) => status switch
    {
        OrderStatus.Pending => "pending",
        OrderStatus.Reserved => "reserved",
        OrderStatus.Paid => "paid",
        OrderStatus.Confirmed => "confirmed",
        OrderStatus.Releasing => "releasing",
        OrderStatus.Rejected => "rejected",
        OrderStatus.PaymentFailed => "payment_failed",
        OrderStatus.Refunding => "refunding",
        OrderStatus.Returning => "returning",
        OrderStatus.Cancelled => "cancelled",
        OrderStatus.Shipped => "shipped",
        OrderStatus.Delivered => "delivered",
        OrderStatus.ReturnRequested => "return_requested",
        OrderStatus.Returned => "returned",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static OrderStatus? Parse(string? wire) =>
        Enum.GetValues<OrderStatus>().Cast<OrderStatus?>().FirstOrDefault(s => string.Equals(s!.Value.Wire(), wire, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True once the saga has nothing left to do (it may still be shipped, cancelled or have its return decided by a
    /// person: a requested return waits for an admin, not for a reminder).
    /// </summary>
    public static bool IsSettled(this OrderStatus status) => status is
        OrderStatus.Confirmed or OrderStatus.Rejected or OrderStatus.PaymentFailed or
        OrderStatus.Cancelled or OrderStatus.Shipped or OrderStatus.Delivered or
        OrderStatus.ReturnRequested or OrderStatus.Returned;
}
