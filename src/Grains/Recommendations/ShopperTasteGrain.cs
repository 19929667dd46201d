using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace K8Shop.Grains.Recommendations;

/// <summary>One shopper's purchases and visible ratings (key: the user id), fed by order and review events; no gateway reaches it.</summary>
public interface IShopperTasteGrain : IGrainWithStringKey
{
    /// <summary>A confirmed order (<paramref name="returned"/> false) or its cancellation/return; a repeat changes nothing.</summary>
    Task RecordOrderAsync(string orderId, bool returned, ImmutableArray<string> skus);

    /// <summary>A review created or updated (<paramref name="visible"/>) or hidden/deleted; a repeat changes nothing.</summary>
    Task RecordReviewAsync(string reviewId, string sku, int rating, bool visible);

    [Orleans.Concurrency.ReadOnly]
    Task<ShopperTaste> GetAsync();
}

/// <summary>
/// Stored with the sales ranking (<see cref="RecommendationStorage"/>): a few writes per shopper per order or review, never
/// on a hot path; bounded by <see cref="RecommendationOptions.TasteRemembered"/> orders and reviews.
/// </summary>
[CollectionAgeLimit(Minutes = GrainLifetimes.ShortLivedIdleMinutes)]
public sealed class ShopperTasteGrain(
    [PersistentState("taste", RecommendationStorage.Name)] IPersistentState<ShopperTasteState> state,
    IOptions<RecommendationOptions> options) : Grain, IShopperTasteGrain
{
    private ShopperTaste? _view;

    public async Task RecordOrderAsync(string orderId, bool returned, ImmutableArray<string> skus)
    {
        if (TasteTally.ApplyOrder(state.State, orderId, returned, skus, options.Value.TasteRemembered))
            await SaveAsync();
    }

    public async Task RecordReviewAsync(string reviewId, string sku, int rating, bool visible)
    {
        if (TasteTally.ApplyReview(state.State, reviewId, sku, rating, visible, options.Value.TasteRemembered))
            await SaveAsync();
    }

    public Task<ShopperTaste> GetAsync() => Task.FromResult(_view ??= TasteTally.View(state.State));

    private async Task SaveAsync()
    {
        _view = null;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory is ahead of the store: reload it on the next call; the event is delivered again.
            DeactivateOnIdle();
            throw;
        }
    }
}
