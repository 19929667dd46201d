using K8Shop.Contracts.Orders;
using K8Shop.Grains.Orders.Table;
using Orleans.Concurrency;

namespace K8Shop.Grains.Orders;

/// <summary>
/// A user's orders, newest first, as the order table stores them: one query, no grain call per order, and an order is
/// listed only once it is stored. It holds nothing, so it runs as a stateless worker wherever it is called; the key
/// (the user) is what ownership is checked against.
/// </summary>
[StatelessWorker]
public sealed class UserOrdersGrain(IOrderTable orders) : Grain, IUserOrdersGrain
{
    public async Task<OrderPage> ListAsync(int skip, int take)
    {
        var page = await orders.ListAsync(this.GetPrimaryKeyString(), Math.Max(0, skip), Math.Max(0, take));
        return new OrderPage([.. page.Orders.Where(o => o.Value.Placed).Select(o => OrderViews.Current(o.Key, o.Value))], page.Total);
    }
}
