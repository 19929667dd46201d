using System.Collections.Immutable;
using K8Shop.Contracts.Identity;

namespace K8Shop.Contracts.Recommendations;

/// <summary>
/// The books one signed-in shopper (the key) looked at, newest first, each once, at most
/// <see cref="Rules.ShopLimits.Recommendations.MaxRecentlyViewed"/>. Only that shopper (or an admin) reads or adds.
/// </summary>
public interface IRecentlyViewedGrain : IShopperOwnedGrain
{
    /// <summary>Puts the book (its canonical SKU) first; a book already in the list moves up rather than repeating.</summary>
    Task RecordAsync(string sku);

    /// <summary>The SKUs, newest first.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<ImmutableArray<string>> GetAsync();
}
