using System.Collections.Immutable;
using K8Shop.Contracts.Cart;

namespace K8Shop.Grains.Cart;

/// <summary>
/// The cart's arithmetic and limits as pure functions over <see cref="CartState"/>: each returns the new state
/// (or the same one when nothing changes) and throws <see cref="CartRuleException"/> before changing anything.
/// </summary>
public static class CartRules
{
    /// <summary>Adds quantity to the product's line (the price becomes the current one), or appends a new line.</summary>
    public static CartState Add(CartState cart, CartLine item, CartOptions limits, DateTimeOffset now)
    {
        RequirePositive(item.Quantity);
        var index = IndexOf(cart, item.ProductId);
        if (index < 0)
        {
            if (cart.Lines.Count >= limits.MaxLines)
                throw new CartRuleException("productId", $"cannot be added: a cart holds at most {limits.MaxLines} different products");
            RequireWithinCap(item.Quantity, limits);
            return Changed(cart, cart.Lines.Add(item), now);
        }

        var line = cart.Lines[index];
        RequireWithinCap((long)line.Quantity + item.Quantity, limits);
        return Changed(cart, cart.Lines.SetItem(index, item with { Quantity = line.Quantity + item.Quantity }), now);
    }

    /// <summary>Sets a line's quantity, keeping its price; 0 removes the line; an absent line stays absent.</summary>
    public static CartState SetQuantity(CartState cart, string productId, int quantity, CartOptions limits, DateTimeOffset now)
    {
        if (quantity < 0)
            throw new CartRuleException("quantity", "must be greater than or equal to 0");
        var index = IndexOf(cart, productId);
        if (index < 0)
            return cart;
        if (quantity == 0)
            return Changed(cart, cart.Lines.RemoveAt(index), now);
        RequireWithinCap(quantity, limits);
        return cart.Lines[index].Quantity == quantity ? cart : Changed(cart, cart.Lines.SetItem(index, cart.Lines[index] with { Quantity = quantity }), now);
    }

    public static CartState Remove(CartState cart, string productId, DateTimeOffset now)
    {
        var index = IndexOf(cart, productId);
        return index < 0 ? cart : Changed(cart, cart.Lines.RemoveAt(index), now);
    }

    /// <summary>
    /// Adds a guest's lines (quantities add, up to the caps: a merge never fails a sign-in) and records the guest
    /// revision taken; a revision already recorded adds nothing.
    /// </summary>
    public static CartState Merge(CartState cart, string guestId, CartSnapshot guest, CartOptions limits, DateTimeOffset now)
    {
        if (AlreadyMerged(cart, guestId, guest.Revision) || guest.Items.IsEmpty)
            return cart;
        var lines = cart.Lines;
        foreach (var item in guest.Items)
        {
            var index = lines.FindIndex(l => SameProduct(l.ProductId, item.ProductId));
            if (index >= 0)
                lines = lines.SetItem(index, lines[index] with { Quantity = (int)Math.Min(limits.MaxQuantityPerLine, (long)lines[index].Quantity + item.Quantity) });
            else if (lines.Count < limits.MaxLines)
                lines = lines.Add(new CartLine(item.ProductId, Math.Min(limits.MaxQuantityPerLine, item.Quantity), item.Price, item.Title));
        }

        var merged = cart.MergedGuests.Add(new MergedGuest(guestId, guest.Revision));
        if (merged.Count > CartState.MergeMemory)
            merged = merged.RemoveRange(0, merged.Count - CartState.MergeMemory);
        return Changed(cart, lines, now) with { MergedGuests = merged };
    }

    public static bool AlreadyMerged(CartState cart, string guestId, Guid revision) =>
        cart.MergedGuests.Any(m => m.Revision == revision && string.Equals(m.GuestId, guestId, StringComparison.Ordinal));

    /// <summary>True when the cart holds lines nobody has changed for longer than the idle expiry.</summary>
    public static bool IsAbandoned(CartState cart, CartOptions options, DateTimeOffset now) =>
        !cart.IsEmpty && now - cart.LastModified > options.IdleExpiry;

    /// <summary>The cart as the API shows it: line totals unrounded, subtotal rounded to 2 dp as the original (half to even).</summary>
    public static CartView View(string userId, CartState cart)
    {
        var items = cart.Lines.Select(ToView).ToImmutableArray();
        return new CartView(
            userId,
            items,
            items.Sum(i => i.Quantity),
            decimal.Round(items.Sum(i => i.Total), 2, MidpointRounding.ToEven));
    }

    public static CartLineView ToView(CartLine line) => new(line.ProductId, line.Quantity, line.Price, line.Quantity * line.Price, line.Title);

    private static CartState Changed(CartState cart, ImmutableList<CartLine> lines, DateTimeOffset now) =>
        cart with { Lines = lines, Revision = Guid.NewGuid(), LastModified = now };

    private static int IndexOf(CartState cart, string productId) => cart.Lines.FindIndex(l => SameProduct(l.ProductId, productId));

    private static bool SameProduct(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static void RequirePositive(int quantity)
    {
        if (quantity < 1)
            throw new CartRuleException("quantity", "must be greater than or equal to 1");
    }

    private static void RequireWithinCap(long quantity, CartOptions limits)
    {
        if (quantity > limits.MaxQuantityPerLine)
            throw new CartRuleException("quantity", $"cannot exceed {limits.MaxQuantityPerLine} copies of one product in a cart");
    }
}
