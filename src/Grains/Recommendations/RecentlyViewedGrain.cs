using System.Collections.Immutable;
using K8Shop.Contracts.Recommendations;
using K8Shop.Contracts.Rules;
using K8Shop.Grains.Cart;

namespace K8Shop.Grains.Recommendations;

/// <summary>A shopper's recently viewed SKUs, newest first.</summary>
[GenerateSerializer, Alias("k8shop.recommendations.RecentlyViewedState")]
public sealed class RecentlyViewedState
{
    [Id(0)] public ImmutableArray<string> Skus { get; set; } = [];
}

/// <summary>
/// Stored where carts are (<see cref="CartStorage"/>: Redis in the cluster profile, with the cart's idle expiry as the
/// key's time to live): like a cart, it is small, per shopper, written on every book page a shopper opens (far more
/// often than an order list), and losing it costs nothing; an idle shopper's trail expires by itself. Only its owner
/// (or an admin) reaches it (<see cref="IRecentlyViewedGrain"/> is shopper-owned).
/// </summary>
public sealed class RecentlyViewedGrain(
    [PersistentState("recentlyViewed", CartStorage.Name)] IPersistentState<RecentlyViewedState> state) : Grain, IRecentlyViewedGrain
{
    public async Task RecordAsync(string sku)
    {
        var next = Viewed.Put(state.State.Skus, sku, ShopLimits.Recommendations.MaxRecentlyViewed);
        if (next.SequenceEqual(state.State.Skus))
            return;
        state.State.Skus = next;
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<string>> GetAsync() => Task.FromResult(state.State.Skus);
}

/// <summary>The recently viewed list's rule, pure.</summary>
public static class Viewed
{
    /// <summary><paramref name="sku"/> first, each SKU once (any case), at most <paramref name="max"/> (the oldest drop off).</summary>
    public static ImmutableArray<string> Put(ImmutableArray<string> skus, string sku, int max) =>
        [.. skus.Where(s => !string.Equals(s, sku, StringComparison.OrdinalIgnoreCase)).Prepend(sku).Take(max)];
}
