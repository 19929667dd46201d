using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Orders;

namespace K8Shop.Grains.Orders;

/// <summary>Order arithmetic, in decimal: line total = quantity × catalog price rounded to cents (half to even, as the original's Python round), total = sum rounded.</summary>
public static class OrderPricing
{
    /// <summary>Lines summed by SKU (ignoring case) in first-seen order, checked against the limits.</summary>
    public static ImmutableArray<OrderLineRequest> Normalize(IReadOnlyList<OrderLineRequest> lines, OrderOptions options)
    {
        if (lines.Count == 0)
            throw new OrderRuleException("items", "required: an order needs at least one line");
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!ProductRules.IsSku(line.Sku))
                throw new OrderRuleException($"items[{i}].sku", "must be a catalog SKU");
            if (line.Quantity < 1 || line.Quantity > options.MaxQuantityPerLine)
                throw new OrderRuleException($"items[{i}].qty", $"must be between 1 and {options.MaxQuantityPerLine}");
            var key = line.Sku.ToUpperInvariant();
            if (!totals.ContainsKey(key))
                order.Add(key);
            totals[key] = totals.GetValueOrDefault(key) + line.Quantity;
        }
        if (order.Count > options.MaxLines)
            throw new OrderRuleException("items", $"must name at most {options.MaxLines} different SKUs (got {order.Count})");
        foreach (var (sku, total) in totals.Where(t => t.Value > options.MaxQuantityPerLine))
            throw new OrderRuleException($"items[{sku}].qty", $"adds up to {total}; at most {options.MaxQuantityPerLine} per SKU");
        return [.. order.Select(sku => new OrderLineRequest(sku, (int)totals[sku]))];
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
