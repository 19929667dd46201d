namespace K8Shop.Gateways.Auth;

/// <summary>The gateway's authorization policies; every route names one of these or allows anonymous callers.</summary>
public static class AuthPolicies
{
    /// <summary>The shopper named by the route's <c>userId</c> (or an admin).</summary>
    public const string Shopper = "shopper";

    /// <summary>As <see cref="Shopper"/>, and also the guest whose server-issued cookie carries that id: carts.</summary>
    public const string CartOwner = "cart-owner";

    /// <summary>A <c>userId</c> in the query, when present, must be the caller's: personalized recommendations.</summary>
    public const string OptionalShopper = "optional-shopper";

    /// <summary>A signed-in account; the resource it names is checked against its owner where the data is.</summary>
    public const string Account = "account";

    /// <summary>The admin role: catalog edits, fulfilment, stock levels, the dashboard.</summary>
    public const string Admin = "admin";

    /// <summary>An admin or a machine client: stock movements outside an order, the original's notify hook.</summary>
    public const string Stock = "stock";

    /// <summary>An admin or a machine client, in every auth mode: the fault switches (<c>/admin/faults</c>).</summary>
    public const string Faults = "faults";

    public const string AdminRole = "admin";
    public const string MachineRole = "machine";
    public const string RoleClaim = "role";
    public const string SubjectClaim = "sub";
}
