using K8Shop.Contracts.Rules;

namespace K8Shop.Grains.Cart;

/// <summary>Limits that protect the shop, and how long an untouched cart lives; bound from section <c>Cart</c>.</summary>
public sealed class CartOptions
{
    public const string SectionName = "Cart";

    /// <summary>Most distinct products one cart may hold: the shop's limit, or a tighter one (never wider; checked at start).</summary>
    public int MaxLines { get; set; } = ShopLimits.Cart.MaxLines;

    /// <summary>Most copies of one product in one cart: the shop's limit, or a tighter one.</summary>
    public int MaxQuantityPerLine { get; set; } = ShopLimits.Cart.MaxQuantityPerLine;

    /// <summary>A cart nobody changed for this long is abandoned: it reads as empty and its record is deleted.</summary>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromDays(30);
}
