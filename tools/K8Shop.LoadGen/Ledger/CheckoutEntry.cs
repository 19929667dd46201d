using K8Shop.LoadGen.Checkout;
using K8Shop.Tools.Auth;

namespace K8Shop.LoadGen.Ledger;

/// <summary>A cart line as the shopper added it, or as the order reply lists it.</summary>
public sealed record CartLine(string Sku, int Quantity);

/// <summary>
/// One checkout's order: who ordered, under which key, what was put in the cart, and the answer once there is
/// one. Written by the checkout that opened it, then by reconciliation once the load has stopped.
/// </summary>
public sealed class CheckoutEntry(
    string userId, string idempotencyKey, string? paymentToken, IReadOnlyList<CartLine> cartLines, IAccessTokenSource? shopperTokens = null)
{
    public string UserId { get; } = userId;

    /// <summary>The shopper's token for asking about this order again (reconciliation, verification); null under --auth open.</summary>
    public IAccessTokenSource? ShopperTokens { get; } = shopperTokens;
    public string IdempotencyKey { get; } = idempotencyKey;
    public string? PaymentToken { get; } = paymentToken;
    public IReadOnlyList<CartLine> CartLines { get; } = cartLines;

    public string? OrderId { get; private set; }
    public string? Status { get; private set; }
    public decimal Total { get; private set; }

    /// <summary>The order's lines as the server priced them; empty until it answered.</summary>
    public IReadOnlyList<CartLine> OrderLines { get; private set; } = [];

    public bool Settled => OrderStatus.IsSettled(Status);

    /// <summary>Units this order sold: its lines once confirmed, nothing otherwise.</summary>
    public IEnumerable<CartLine> SoldLines => Status == OrderStatus.Confirmed ? OrderLines : [];

    /// <summary>Every SKU the order may touch, for marking them unprovable while it is in doubt.</summary>
    public IEnumerable<string> Skus => CartLines.Select(line => line.Sku).Concat(OrderLines.Select(line => line.Sku)).Distinct(StringComparer.Ordinal);

    public void Answered(OrderReply reply)
    {
        OrderId = reply.OrderId;
        Status = reply.Status;
        Total = reply.Total;
        OrderLines = [.. reply.Items.Select(item => new CartLine(item.Sku, item.Quantity))];
    }
}
