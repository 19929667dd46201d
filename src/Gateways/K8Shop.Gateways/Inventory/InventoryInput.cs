using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Rules;

namespace K8Shop.Gateways.Inventory;

/// <summary>The inventory routes' input rules, checked before any grain call.</summary>
public static class InventoryInput
{
    public static void CheckSku(string sku, Dictionary<string, string[]> errors, string field = "sku")
    {
        if (!ProductRules.IsSku(sku))
            errors[field] = [ProductRules.SkuRule];
    }

    public static void CheckOrderId(string? orderId, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(orderId))
            errors["order_id"] = ["Field required"];
        else if (orderId.Length > ShopLimits.Ids.MaxLength || orderId.Any(char.IsControl))
            errors["order_id"] = [$"must be at most {ShopLimits.Ids.MaxLength} printable characters"];
    }

    public static int? CheckWhole(decimal? value, string field, int min, int max, Dictionary<string, string[]> errors, bool required = true)
    {
        if (value is not { } number)
        {
            if (required)
                errors[field] = ["Field required"];
            return null;
        }
        if (decimal.Truncate(number) != number)
            errors[field] = ["must be a whole number"];
        else if (number < min || number > max)
            errors[field] = [$"must be between {min} and {max}"];
        else
            return (int)number;
        return null;
    }

    /// <summary>
    /// The original's apply input: lines summed by SKU (ignoring case), lines with qty ≤ 0 dropped; nothing left is
    /// "items required". Beyond the original: a quantity above any stock a SKU may hold (per line or summed) or more than
    /// 25 SKUs is refused with a reason; a large quantity the stock cannot cover is left to the stock (inventory.failed).
    /// </summary>
    public static (List<StockLine> Lines, Dictionary<string, string[]> Errors, bool Empty) CheckApply(ApplyRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        CheckOrderId(request.OrderId, errors);
        if (request.Items is null)
        {
            errors["items"] = ["Field required"];
            return ([], errors, false);
        }

        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            if (item?.Sku is not { } sku || !ProductRules.IsSku(sku))
            {
                errors[$"items[{i}].sku"] = ["must be a catalog SKU"];
                continue;
            }
            if (item.Qty is not { } qty || decimal.Truncate(qty) != qty)
            {
                errors[$"items[{i}].qty"] = ["must be a whole number"];
                continue;
            }
            if (qty <= 0)
                continue;
            if (qty > ShopLimits.Inventory.MaxQuantity)
            {
                errors[$"items[{i}].qty"] = [$"must be at most {ShopLimits.Inventory.MaxQuantity}, the largest stock a SKU may hold"];
                continue;
            }
            var key = InventoryKey.For(sku);
            totals[key] = totals.GetValueOrDefault(key) + (long)qty;
        }

        foreach (var (sku, total) in totals.Where(t => t.Value > ShopLimits.Inventory.MaxQuantity))
            errors[$"items[{sku}].qty"] = [$"adds up to {total}; at most {ShopLimits.Inventory.MaxQuantity} per SKU"];
        if (totals.Count > ShopLimits.Inventory.MaxSkusPerApply)
            errors["items"] = [$"must name at most {ShopLimits.Inventory.MaxSkusPerApply} different SKUs (got {totals.Count})"];
        var lines = totals.Select(t => new StockLine(t.Key, (int)t.Value)).ToList();
        return (lines, errors, errors.Count == 0 && lines.Count == 0);
    }
}
