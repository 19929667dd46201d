using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Rules;

namespace K8Shop.Contracts.Orders;

/// <summary>An order's line rules, run by the gateway (a 422 before any grain call) and again by the order grain.</summary>
public static class OrderLines
{
    /// <summary>
    /// Lines summed by SKU (ignoring case, upper-cased) in first-seen order, or the first broken rule. The grain passes
    /// its own limits, which may only be tighter than <see cref="ShopLimits.Orders"/>.
    /// </summary>
    public static (ImmutableArray<OrderLineRequest> Lines, OrderRuleException? Broken) Sum(
        IReadOnlyList<OrderLineRequest> lines, int maxLines = ShopLimits.Orders.MaxLines, int maxQuantityPerLine = ShopLimits.Orders.MaxQuantityPerLine)
    {
        if (lines.Count == 0)
            return ([], new OrderRuleException("items", "required: an order needs at least one line"));
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!ProductRules.IsSku(line.Sku))
                return ([], new OrderRuleException($"items[{i}].sku", "must be a catalog SKU"));
            if (line.Quantity < 1 || line.Quantity > maxQuantityPerLine)
                return ([], new OrderRuleException($"items[{i}].qty", $"must be between 1 and {maxQuantityPerLine}"));
            var key = line.Sku.ToUpperInvariant();
            if (!totals.ContainsKey(key))
                order.Add(key);
            totals[key] = totals.GetValueOrDefault(key) + line.Quantity;
        }
        if (order.Count > maxLines)
            return ([], new OrderRuleException("items", $"must name at most {maxLines} different SKUs (got {order.Count})"));
        foreach (var (sku, total) in totals.Where(t => t.Value > maxQuantityPerLine))
            return ([], new OrderRuleException($"items[{sku}].qty", $"adds up to {total}; at most {maxQuantityPerLine} per SKU"));
        return ([.. order.Select(sku => new OrderLineRequest(sku, (int)totals[sku]))], null);
    }

    /// <summary>Every broken rule of a shipping address by wire field (<c>shipping.city</c>): each field present, within the shop's lengths, no control characters.</summary>
    public static Dictionary<string, string[]> CheckShipping(ShippingAddress shipping)
    {
        var errors = new Dictionary<string, string[]>();
        void Field(string value, string name, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
                errors[$"shipping.{name}"] = ["Field required"];
            else if (value.Length > max || value.Any(char.IsControl))
                errors[$"shipping.{name}"] = [$"must be at most {max} printable characters"];
        }
        Field(shipping.Name, "name", ShopLimits.Shipping.MaxFieldLength);
        Field(shipping.Address, "address", ShopLimits.Shipping.MaxFieldLength);
        Field(shipping.City, "city", ShopLimits.Shipping.MaxFieldLength);
        Field(shipping.PostalCode, "postalCode", ShopLimits.Shipping.MaxPostalCodeLength);
        Field(shipping.Country, "country", ShopLimits.Shipping.MaxFieldLength);
        return errors;
    }
}
