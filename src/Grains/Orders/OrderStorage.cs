namespace K8Shop.Grains.Orders;

/// <summary>The grain storage orders persist to: PostgreSQL (ADO.NET) in the cluster profile, memory in embedded mode.</summary>
public static class OrderStorage
{
    public const string Name = "orders";
}
