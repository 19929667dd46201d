using K8Shop.Contracts.Identity;

namespace K8Shop.Grains.Identity;

/// <summary>
/// Enforces ownership where the data is: a call to a grain keyed by a shopper (<see cref="IShopperOwnedGrain"/>)
/// made for a caller who does not own that key fails with <see cref="NotOwnerException"/>, so a gateway route added
/// later cannot hand one shopper another's cart or notifications even if it forgets its own check.
/// </summary>
public sealed class ShopperOwnershipFilter : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is IShopperOwnedGrain
            && Caller.Current is { } caller
            && !caller.Owns(context.TargetId.Key.ToString()!))
            throw new NotOwnerException($"{context.InterfaceName} {context.TargetId.Key} belongs to another shopper");
        return context.Invoke();
    }
}
