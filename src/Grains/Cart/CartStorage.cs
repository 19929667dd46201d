namespace K8Shop.Grains.Cart;

/// <summary>The grain storage carts persist to: Redis in the cluster profile, memory in embedded mode.</summary>
public static class CartStorage
{
    public const string Name = "carts";
}
