using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Orders;

namespace K8Shop.Grains.Orders;

/// <summary>Order arithmetic, in decimal: line total = quantity × catalog price rounded to cents (half to even, as the original's Python round), total = sum rounded.</summary>
public static class OrderPricing
{
    /// <summary>Lines summed by SKU (ignoring case) in first-seen order, checked against the limits (the gateway's, or tighter).</summary>
    public static ImmutableArray<OrderLineRequest> Normalize(IReadOnlyList<OrderLineRequest> lines, OrderOptions options)
    {
        var (summed, broken) = OrderLines.Sum(lines, options.MaxLines, options.MaxQuantityPerLine);
        return broken is null ? summed : throw broken;
    }

    /// <summary>The shipping address, if any, within the shop's rules (the gateway checked it; a direct caller may not have).</summary>
    public static void RequireShipping(ShippingAddress? shipping)
    {
        if (shipping is not null && OrderLines.CheckShipping(shipping).FirstOrDefault() is { Key: { } field, Value: [var reason, ..] })
            throw new OrderRuleException(field, reason);
    }

    /// <summary>Prices each line from the catalog; a SKU the catalog does not know is refused.</summary>
    public static ImmutableArray<OrderLine> Price(ImmutableArray<OrderLineRequest> lines, IReadOnlyList<ProductPrice?> prices)
    {
        var priced = ImmutableArray.CreateBuilder<OrderLine>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (prices[i] is not { } product)
                throw new OrderRuleException($"items[{i}].sku", $"'{lines[i].Sku}' is not in the catalog");
            priced.Add(new OrderLine(product.Sku, product.Title, lines[i].Quantity, product.Price, LineTotal(lines[i].Quantity, product.Price)));
        }
        return priced.MoveToImmutable();
    }

    public static decimal LineTotal(int quantity, decimal price) => Math.Round(quantity * price, 2, MidpointRounding.ToEven);

    public static decimal Total(IEnumerable<OrderLine> lines) => Math.Round(lines.Sum(l => l.Total), 2, MidpointRounding.ToEven);
}
