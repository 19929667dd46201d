namespace K8Shop.FaultDrill;

/// <summary>
/// One checkout of the drill: who buys what under which Idempotency-Key; the same inputs give the same plan.
/// <paramref name="KeyScopedToShopper"/>: the shopper sends a token, so the gateway makes the key the caller's own
/// (its <c>sub</c>, the user id, then the key) before it derives the order id.
/// </summary>
public sealed record CheckoutPlan(int Index, string Key, string UserId, IReadOnlyList<CheckoutLine> Lines, string? PaymentToken, bool KeyScopedToShopper = false)
{
    public const string DecliningToken = "tok_decline";

    public string OrderId => K8Shop.Contracts.Orders.OrderIds.FromIdempotencyKey(KeyScopedToShopper ? $"{UserId}\n{Key}" : Key);

    /// <summary>
    /// 1-3 units of one SKU, and every other checkout one unit of the next SKU too, for shopper <c>index % Users</c>:
    /// the account with that place in <paramref name="accountIds"/>, or a made-up id of the run when there are none.
    /// </summary>
    public static CheckoutPlan For(int index, FaultDrillOptions options, IReadOnlyList<string>? accountIds = null)
    {
        var skus = options.Skus;
        var lines = new List<CheckoutLine> { new(skus[index % skus.Count], 1 + index % 3) };
        if (index % 2 == 0 && skus.Count > 1)
            lines.Add(new(skus[(index + 1) % skus.Count], 1));
        var declines = options.DeclineEvery > 0 && index % options.DeclineEvery == options.DeclineEvery - 1;
        return new(index, $"fault-{options.RunId}-{index}", accountIds?[index % options.Users] ?? $"fault-{options.RunId}-u{index % options.Users}", lines, declines ? DecliningToken : null,
            KeyScopedToShopper: accountIds is not null);
    }
}

public sealed record CheckoutLine(string Sku, int Qty);
