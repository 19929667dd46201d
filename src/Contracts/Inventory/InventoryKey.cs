namespace K8Shop.Contracts.Inventory;

public static class InventoryKey
{
    /// <summary>The inventory grain key of a SKU: SKUs are unique ignoring case, so keys are upper case.</summary>
    public static string For(string sku) => sku.ToUpperInvariant();
}
