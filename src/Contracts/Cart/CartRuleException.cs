using K8Shop.Contracts.Rules;

namespace K8Shop.Contracts.Cart;

/// <summary>A cart change broke a rule (unknown product, a cap, a bad merge); nothing was changed.</summary>
[GenerateSerializer, Alias("k8shop.cart.CartRuleException")]
public sealed class CartRuleException : FieldRuleException
{
    public CartRuleException() : this("request", "is invalid") { }

    public CartRuleException(string field, string reason) : base(field, reason) { }

    public CartRuleException(string message, Exception inner) : base(message, inner) { }
}
