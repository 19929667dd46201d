using System.Collections.Immutable;

namespace K8Shop.Grains.Recommendations;

/// <summary>A shopper's taste from events, pure and idempotent: applying the same event twice changes nothing the second time.</summary>
public static class TasteTally
{
    /// <summary>A confirmed order adds its SKUs; a cancellation or return marks it (even before its confirmation arrives). False: nothing changed.</summary>
    public static bool ApplyOrder(ShopperTasteState state, string orderId, bool returned, ImmutableArray<string> skus, int remembered)
    {
        var index = state.Orders.FindIndex(o => o.OrderId == orderId);
        if (index >= 0)
        {
            if (!returned || state.Orders[index].Returned)
                return false;
            state.Orders[index] = state.Orders[index] with { Returned = true };
            return true;
        }
        state.Orders.Add(new TasteOrder(orderId, [.. skus.Select(Normalize).Distinct()], returned));
        Trim(state.Orders, remembered);
        return true;
    }

    /// <summary>Created or updated: the review's rating (unless it was removed); hidden or deleted: removed for good. False: nothing changed.</summary>
    public static bool ApplyReview(ShopperTasteState state, string reviewId, string sku, int rating, bool visible, int remembered)
    {
        var index = state.Reviews.FindIndex(r => r.ReviewId == reviewId);
        var review = new TasteReview(reviewId, Normalize(sku), Math.Clamp(rating, 1, 5), Removed: !visible);
        if (index < 0)
        {
            state.Reviews.Add(review);
            Trim(state.Reviews, remembered);
            return true;
        }
        if (state.Reviews[index].Removed || state.Reviews[index] == review)
            return false;
        state.Reviews[index] = review;
        return true;
    }

    public static ShopperTaste View(ShopperTasteState state) => new(
        [.. state.Orders.AsEnumerable().Reverse().Where(o => !o.Returned).SelectMany(o => o.Skus).Distinct()],
        [.. state.Reviews.Where(r => !r.Removed).Select(r => new BookRating(r.Sku, r.Rating))]);

    public static string Normalize(string sku) => sku.Trim().ToUpperInvariant();

    private static void Trim<T>(List<T> items, int remembered)
    {
        if (items.Count > remembered)
            items.RemoveRange(0, items.Count - remembered);
    }
}
