namespace K8Shop.Grains.Orders;

/// <summary>The grain storages of orders.</summary>
public static class OrderStorage
{
    /// <summary>Orleans' grain storage for the order side's other grains (due work, inventory apply): PostgreSQL (ADO.NET) in
    /// the cluster profile, memory in embedded mode. Orders stored here before the order table are copied into it once.</summary>
    public const string Name = "orders";

    /// <summary>The order grain's own storage: a row per order in the order table (<see cref="Table.IOrderTable"/>).</summary>
    public const string Table = "order-table";
}
