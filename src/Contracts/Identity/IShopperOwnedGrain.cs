namespace K8Shop.Contracts.Identity;

/// <summary>
/// A grain keyed by the shopper whose data it holds (a cart, notifications, the order list). The silo lets a call
/// through only when <see cref="Caller.Current"/> owns the key, whatever route or grain made it.
/// </summary>
public interface IShopperOwnedGrain : IGrainWithStringKey;
