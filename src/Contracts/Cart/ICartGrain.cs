namespace K8Shop.Contracts.Cart;

/// <summary>
/// One shopper's cart, keyed by user id (or a guest id). Every change is persisted before it returns; prices
/// come from the catalog, never from the caller.
/// </summary>
public interface ICartGrain : K8Shop.Contracts.Identity.IShopperOwnedGrain
{
    /// <summary>The cart as it stands; an expired cart reads as empty.</summary>
    Task<CartView> GetAsync();

    /// <summary>Adds quantity of a catalog product (by SKU, any case), priced from the catalog.</summary>
    Task<CartView> AddItemAsync(string productId, int quantity);

    /// <summary>Sets a line's quantity; 0 removes it, and an absent line is left absent.</summary>
    Task<CartView> SetQuantityAsync(string productId, int quantity);

    /// <summary>Removes a line; removing an absent line changes nothing.</summary>
    Task<CartView> RemoveItemAsync(string productId);

    /// <summary>Removes several lines in one write (an order taking what it bought); absent lines are left absent.</summary>
    Task<CartView> RemoveItemsAsync(IReadOnlyList<string> productIds);

    /// <summary>Empties the cart and returns what it held just before.</summary>
    Task<CartView> CheckoutAsync();

    /// <summary>Empties the cart.</summary>
    Task<CartView> ClearAsync();

    /// <summary>Moves a guest cart's lines into this cart (quantities add) and empties the guest cart; repeating it moves nothing more.</summary>
    Task<CartView> MergeFromAsync(string guestId);

    /// <summary>The guest side of a merge: this cart's lines and the revision they are at.</summary>
    Task<CartSnapshot> SnapshotAsync();

    /// <summary>The guest side of a merge: empties this cart if it is still at the given revision.</summary>
    Task ReleaseMergedAsync(Guid revision);
}
