using K8Shop.Contracts.Orders;

namespace K8Shop.Grains.Reviews;

/// <summary>
/// Whether a shopper bought a book: one of their orders holds it and was confirmed (paid and its stock sold), shipped
/// or delivered. Read from the shopper's order list (one query of the order table), as the shopper's own call (their
/// orders are theirs).
/// </summary>
public static class VerifiedPurchase
{
    /// <summary>The most orders looked at, newest first: a shopper with more has bought enough to be asked again later.</summary>
    public const int MaxOrdersChecked = 500;

    public static bool Counts(OrderStatus status) => status is OrderStatus.Confirmed or OrderStatus.Shipped or OrderStatus.Delivered;

    public static async Task<bool> BoughtAsync(IGrainFactory grains, string userId, string sku)
    {
        var listed = await grains.GetGrain<IUserOrdersGrain>(userId).ListAsync(0, MaxOrdersChecked);
        return listed.Orders.Any(o => o.UserId == userId && Counts(o.Status)
            && o.Items.Any(line => string.Equals(line.Sku, sku, StringComparison.OrdinalIgnoreCase)));
    }
}
