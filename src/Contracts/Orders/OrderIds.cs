using K8Shop.Contracts.Ids;

namespace K8Shop.Contracts.Orders;

public static class OrderIds
{
    private static readonly Guid KeyNamespace = new("0b6f3e52-8c1d-4f7a-a2e9-3d5c7b9f1e24");

    /// <summary>The order id an <c>Idempotency-Key</c> stands for, so a retried request reaches the same order.</summary>
    public static string FromIdempotencyKey(string key) => NameBasedGuid.Create(KeyNamespace, key).ToString();

    public static string New() => Guid.NewGuid().ToString();
}
