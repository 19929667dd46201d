namespace K8Shop.Contracts.Cart;

/// <summary>A cart change broke a rule (unknown product, a cap, a bad merge); nothing was changed.</summary>
[GenerateSerializer, Alias("k8shop.cart.CartRuleException")]
public sealed class CartRuleException : Exception
{
    public CartRuleException() : this("request", "is invalid") { }

    public CartRuleException(string field, string reason) : base($"{field} {reason}")
    {
        Field = field;
        Reason = reason;
    }

    public CartRuleException(string message, Exception inner) : base(message, inner)
    {
        Field = "request";
        Reason = message;
    }

    /// <summary>The request field at fault, camelCase as on the wire.</summary>
    [Id(0)]
    public string Field { get; init; }

    [Id(1)]
    public string Reason { get; init; }
}
