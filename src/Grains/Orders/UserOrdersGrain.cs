using System.Collections.Immutable;
using K8Shop.Contracts.Orders;
using Orleans.Runtime;

namespace K8Shop.Grains.Orders;

/// <summary>A user's order ids, newest first, stored with the orders.</summary>
[CollectionAgeLimit(Minutes = GrainLifetimes.ShortLivedIdleMinutes)]
public sealed class UserOrdersGrain(
    [PersistentState("userOrders", OrderStorage.Name)] IPersistentState<UserOrdersState> state) : Grain, IUserOrdersGrain
{
    public async Task AddAsync(string orderId, DateTimeOffset createdAt)
    {
        if (state.State.Orders.Any(o => o.OrderId == orderId))
            return;
        state.State.Orders = state.State.Orders.Add(new UserOrder(orderId, createdAt));
        await state.WriteStateAsync();
        // Written once per order, read when the shopper looks (see GrainLifetimes).
        DeactivateOnIdle();
    }

    public Task<OrderPage> ListAsync(int skip, int take)
    {
        var newestFirst = state.State.Orders.Reverse().Skip(Math.Max(0, skip)).Take(Math.Max(0, take)).Select(o => o.OrderId);
        return Task.FromResult(new OrderPage([.. newestFirst], state.State.Orders.Length));
    }
}

[GenerateSerializer, Alias("k8shop.orders.UserOrdersState")]
public sealed class UserOrdersState
{
    /// <summary>Oldest first, as added.</summary>
    [Id(0)] public ImmutableArray<UserOrder> Orders { get; set; } = [];
}

[GenerateSerializer, Immutable, Alias("k8shop.orders.UserOrder")]
public sealed record UserOrder([property: Id(0)] string OrderId, [property: Id(1)] DateTimeOffset CreatedAt);
