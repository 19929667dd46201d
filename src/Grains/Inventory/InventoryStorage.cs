namespace K8Shop.Grains.Inventory;

/// <summary>The grain storage inventory persists to: DynamoDB in the cluster profile, memory in embedded mode.</summary>
public static class InventoryStorage
{
    public const string Name = "inventory";
}
