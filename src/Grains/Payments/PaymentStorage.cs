namespace K8Shop.Grains.Payments;

/// <summary>The grain storage payments persist to: PostgreSQL (ADO.NET) in the cluster profile, memory in embedded mode.</summary>
public static class PaymentStorage
{
    public const string Name = "payments";
}
