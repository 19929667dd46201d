namespace K8Shop.Grains.Orders;

/// <summary>Order limits and saga timing; bound from section <c>Orders</c>.</summary>
public sealed class OrderOptions
{
    public const string SectionName = "Orders";

    /// <summary>Most distinct SKUs in one order.</summary>
    public int MaxLines { get; set; } = 50;

    /// <summary>Most units of one SKU in one order.</summary>
    public int MaxQuantityPerLine { get; set; } = 1_000;

    /// <summary>How long stock stays held for an order that has not finished; a crashed saga's stock comes back after it.</summary>
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How soon, and how often, the reminder resumes a saga that did not finish (Orleans allows no less than a minute).</summary>
    public TimeSpan ResumeAfter { get; set; } = TimeSpan.FromMinutes(1);
}
