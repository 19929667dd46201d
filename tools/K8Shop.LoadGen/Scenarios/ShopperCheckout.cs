using K8Shop.LoadGen.Ledger;

namespace K8Shop.LoadGen.Scenarios;

/// <summary>A shopper fills an empty cart line by line, then orders it; maybe repeats the order request, which must change nothing.</summary>
public sealed record ShopperCheckout(IReadOnlyList<CartLine> Lines, string? PaymentToken, bool RepeatOrder) : IOperation
{
    public async Task RunAsync(IShopSession session)
    {
        if (await session.NewShopperAsync() is not { } shopper)
            return;
        var cart = new List<CartLine>(Lines.Count);
        foreach (var line in Lines)
        {
            if (await session.AddToCartAsync(shopper, line))
                cart.Add(line);
        }
        if (cart.Count == 0)
            return;
        if (await session.PlaceOrderAsync(shopper, cart, PaymentToken) is { } order && RepeatOrder)
            await session.RepeatOrderAsync(shopper, order, PaymentToken);
    }
}
