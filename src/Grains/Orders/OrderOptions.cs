using K8Shop.Contracts.Rules;

namespace K8Shop.Grains.Orders;

/// <summary>Order limits and saga timing; bound from section <c>Orders</c>.</summary>
public sealed class OrderOptions
{
    public const string SectionName = "Orders";

    /// <summary>Most distinct SKUs in one order: the shop's limit, or a tighter one (never wider; checked at start).</summary>
    public int MaxLines { get; set; } = ShopLimits.Orders.MaxLines;

    /// <summary>Most units of one SKU in one order: the shop's limit, or a tighter one.</summary>
    public int MaxQuantityPerLine { get; set; } = ShopLimits.Orders.MaxQuantityPerLine;

    /// <summary>
    /// How long stock stays held for an order that has not finished; a crashed saga's stock comes back after it. An
    /// operator's setting (how long a payment outage may hold stock), within the longest reservation a SKU grants.
    /// </summary>
    public TimeSpan ReservationTtl { get; set; } = ShopLimits.Inventory.DefaultReservationLifetime;

    /// <summary>How soon, and how often, the reminder resumes a saga that did not finish (Orleans allows no less than a minute).</summary>
    public TimeSpan ResumeAfter { get; set; } = TimeSpan.FromMinutes(1);
}
