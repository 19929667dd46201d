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

    /// <summary>Moves a confirmed order to shipped, or a shipped one to delivered; repeating a status changes nothing.</summary>
    Task<OrderView> SetFulfilmentAsync(OrderStatus status);

    /// <summary>Runs whatever step of the saga is due (what the reminder does); a settled order is left alone.</summary>
    Task<OrderView?> ResumeAsync();
}

/// <summary>The ids of one user's orders, newest first (key: the user id).</summary>
public interface IUserOrdersGrain : K8Shop.Contracts.Identity.IShopperOwnedGrain
{
    /// <summary>Records an order; recording it again changes nothing.</summary>
    Task AddAsync(string orderId, DateTimeOffset createdAt);

    [Orleans.Concurrency.ReadOnly]
    Task<OrderPage> ListAsync(int skip, int take);
}
