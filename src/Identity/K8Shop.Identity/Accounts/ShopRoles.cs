namespace K8Shop.Identity.Accounts;

/// <summary>The role claim values the gateways' policies look for.</summary>
public static class ShopRoles
{
    public const string Admin = "admin";

    /// <summary>Machine clients that move stock (the load generator, the fault drill); never an account's role.</summary>
    public const string Machine = "machine";
}
