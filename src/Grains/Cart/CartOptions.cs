namespace K8Shop.Grains.Cart;

/// <summary>Limits that protect the shop, and how long an untouched cart lives; bound from section <c>Cart</c>.</summary>
public sealed class CartOptions
{
    public const string SectionName = "Cart";

    /// <summary>Most distinct products one cart may hold.</summary>
    public int MaxLines { get; set; } = 50;

    /// <summary>Most copies of one product in one cart.</summary>
    public int MaxQuantityPerLine { get; set; } = 99;

    /// <summary>A cart nobody changed for this long is abandoned: it reads as empty and its record is deleted.</summary>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromDays(30);
}
