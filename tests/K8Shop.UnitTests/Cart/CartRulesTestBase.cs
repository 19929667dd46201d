using K8Shop.Contracts.Cart;
using K8Shop.Grains.Cart;

namespace K8Shop.UnitTests.Cart;

/// <summary>
/// The limits, clock and cart builders every CartRules test shares. A base class rather than a static class taken in
/// with <c>using static</c>: inside this namespace a bare <c>Cart(...)</c> would bind to the K8Shop.UnitTests.Cart namespace.
/// </summary>
public abstract class CartRulesTestBase
{
    protected static readonly CartOptions Limits = new() { MaxLines = 3, MaxQuantityPerLine = 10, IdleExpiry = TimeSpan.FromHours(1) };
    protected static readonly DateTimeOffset Then = TestData.Epoch;
    protected static readonly DateTimeOffset Now = TestData.Epoch.AddMinutes(5);

    protected static CartLine Line(string sku, int quantity, decimal price = 10m, string? title = null) => new(sku, quantity, price, title ?? $"Title {sku}");

    protected static CartState Cart(params CartLine[] lines) =>
        new() { Lines = [.. lines], Revision = Guid.NewGuid(), LastModified = Then };

    protected static CartSnapshot Guest(params CartLine[] lines) =>
        new(Guid.NewGuid(), [.. lines.Select(CartRules.ToView)]);

    protected static (string, int, decimal)[] Rows(CartState cart) => [.. cart.Lines.Select(l => (l.ProductId, l.Quantity, l.Price))];
}
