using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Reviews;
using K8Shop.GrainTests.Orders;

namespace K8Shop.GrainTests.Reviews;

/// <summary>Books of a test's own, shoppers who bought them (a confirmed order each), and reviews to write.</summary>
internal static class ReviewBooks
{
    /// <summary>Adds a book with a unique SKU and plenty of stock; answers its SKU as the catalog has it.</summary>
    public static async Task<string> NewAsync(IGrainFactory grains)
    {
        var sku = $"RV-{Guid.NewGuid():N}"[..18].ToUpperInvariant();
        var product = await grains.GetGrain<ICatalogGrain>(0).CreateAsync(new ProductDraft(sku, "Review test book", null, 10m, null, [], 10_000, null, null, null));
        return product.Sku;
    }

    /// <summary>A new shopper with a confirmed order for <paramref name="sku"/>.</summary>
    public static async Task<string> BuyerAsync(IGrainFactory grains, string sku)
    {
        var user = Checkout.NewUser();
        var order = await grains.GetGrain<IOrderGrain>(Checkout.NewOrderId()).PlaceAsync(Checkout.Command(user, null, (sku, 1)));
        Assert.Equal(OrderStatus.Confirmed, order.Status);
        return user;
    }

    /// <summary>Waits until the book's outbox is empty: every event confirmed and forgotten (or 10 s passed).</summary>
    public static async Task<int> PendingAfterPublishAsync(string sku)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await ClusterFixture.Reviews.LoadAsync(sku)).PendingEvents.Length > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        return (await ClusterFixture.Reviews.LoadAsync(sku)).PendingEvents.Length;
    }

    public static ReviewDraft Draft(string user, int rating, string text = "A fine book, would read again.") => new(user, "Ana Reader", rating, text);

    public static IBookReviewsGrain Book(this IGrainFactory grains, string sku) => grains.GetGrain<IBookReviewsGrain>(sku);

    public static ReviewListRequest Page(string? viewer = null, ReviewSort sort = ReviewSort.Newest) => new(viewer, sort, 0, 50);
}
