namespace K8Shop.Contracts.Rules;

/// <summary>
/// A request broke a rule about one of its fields (unknown SKU, a quantity out of range); nothing changed.
/// Gateways answer it as a 4xx naming <see cref="Field"/> and <see cref="Reason"/>.
/// </summary>
[GenerateSerializer, Alias("k8shop.rules.FieldRuleException")]
public abstract class FieldRuleException : Exception
{
    protected FieldRuleException(string field, string reason) : base($"{field} {reason}")
    {
        Field = field;
        Reason = reason;
    }

    protected FieldRuleException(string message, Exception inner) : base(message, inner)
    {
        Field = "request";
        Reason = message;
    }

    /// <summary>The request field at fault, as named on the wire.</summary>
    [Id(0)]
    public string Field { get; init; }

    [Id(1)]
    public string Reason { get; init; }
}
