namespace K8Shop.Identity.Clients;

/// <summary>The client ids, scope and audience the gateways and the storefront agree on (AUTH-CONTRACT.md).</summary>
public static class ShopClients
{
    public const string Storefront = "storefront";

    public const string Operator = "operator";

    public const string LoadGen = "loadgen";

    /// <summary>The scope that grants the API as audience.</summary>
    public const string ApiScope = "k8shop";

    /// <summary>The <c>aud</c> of access tokens for the gateways.</summary>
    public const string ApiAudience = "k8shop-api";
}
