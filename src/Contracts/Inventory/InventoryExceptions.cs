using K8Shop.Contracts.Rules;

namespace K8Shop.Contracts.Inventory;

/// <summary>An inventory request broke a rule (unknown SKU, bad quantity, stock below reserved); nothing changed.</summary>
[GenerateSerializer, Alias("k8shop.inventory.InventoryRuleException")]
public sealed class InventoryRuleException : FieldRuleException
{
    public InventoryRuleException() : this("request", "is invalid") { }

    public InventoryRuleException(string field, string reason, bool notFound = false) : base(field, reason) => NotFound = notFound;

    public InventoryRuleException(string message, Exception inner) : base(message, inner) { }

    /// <summary>True when the SKU itself is unknown (404 rather than 422).</summary>
    [Id(0)]
    public bool NotFound { get; init; }
}

/// <summary>The SKU has more queued requests than it accepts; retry after <see cref="RetryAfterSeconds"/>.</summary>
[GenerateSerializer, Alias("k8shop.inventory.InventoryBusyException")]
public sealed class InventoryBusyException : Exception
{
    public InventoryBusyException() : this("?", 1) { }

    public InventoryBusyException(string sku, int retryAfterSeconds)
        : base($"SKU {sku} is handling more requests than it queues; retry after {retryAfterSeconds} s")
    {
        Sku = sku;
        RetryAfterSeconds = retryAfterSeconds;
    }

    public InventoryBusyException(string message, Exception inner) : base(message, inner) => Sku = "?";

    [Id(0)]
    public string Sku { get; init; }

    [Id(1)]
    public int RetryAfterSeconds { get; init; } = 1;
}
