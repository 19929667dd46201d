using K8Shop.Contracts.Payments;

namespace K8Shop.Contracts.Orders;

/// <summary>
/// One order (key: its id) and the checkout saga that carries it: price from the catalog, reserve every line,
/// charge once, commit or release. Each transition is stored before the next step and before any answer; a
/// reminder resumes a saga a crash interrupted.
/// </summary>
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Places the order and runs the saga to a settled state. Placing the same order again (same request) gives the
    /// first answer, resuming the saga if it was interrupted; another request under the same id is refused.
    /// </summary>
    Task<OrderView> PlaceAsync(PlaceOrder command);

    /// <summary>The order, or null when none was placed under this id.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<OrderView?> GetAsync();

    /// <summary>Cancels: releases held stock, refunds a payment, takes sold units back. Cancelling again changes nothing.</summary>
    Task<OrderView> CancelAsync();

    /// <summary>
    /// Moves a confirmed order to shipped, or a shipped one to delivered; repeating a status changes nothing. Only a
    /// confirmed order ships: one being refunded, cancelled, returned or with a return requested is refused.
    /// </summary>
    Task<OrderView> SetFulfilmentAsync(OrderStatus status);

    /// <summary>
    /// Refunds the order's payment the only way that keeps stock and status true to the money. Before shipping it is
    /// the cancellation (refund once, units back, <see cref="OrderStatus.Cancelled"/>); after shipping it requests a
    /// return (<see cref="OrderStatus.ReturnRequested"/>) and refunds nothing until an admin approves it. Repeating it
    /// changes nothing. With no order under the id it refunds the original's standalone payment, which has no stock.
    /// </summary>
    Task<OrderRefund> RefundAsync();

    /// <summary>
    /// An admin's decision on a requested return: approved, the payment is refunded once and the units go back to
    /// stock (<see cref="OrderStatus.Returned"/>); declined, the order goes back to shipped or delivered. Repeating the
    /// same decision changes nothing; the other one is refused once the first is stored.
    /// </summary>
    Task<OrderView> DecideReturnAsync(bool approve);

    /// <summary>
    /// <c>POST /payments</c> for this order id: the order's own charge (run by its saga if a crash left it due), for the
    /// order's shopper and total only; a rejected order, or one cancelled before its charge, is never charged. With no
    /// order under the id a signed-in caller is told it does not exist; only a trusted call (the original's open mode)
    /// gets the original's standalone charge.
    /// </summary>
    Task<PaymentView> PayAsync(ChargeRequest request);

    /// <summary>Runs whatever step of the saga is due (what the reminder does); a settled order is left alone.</summary>
    Task<OrderView?> ResumeAsync();
}

/// <summary>One user's orders, newest first (key: the user id), read from the order table in one query.</summary>
public interface IUserOrdersGrain : K8Shop.Contracts.Identity.IShopperOwnedGrain
{
    [Orleans.Concurrency.ReadOnly]
    Task<OrderPage> ListAsync(int skip, int take);
}
