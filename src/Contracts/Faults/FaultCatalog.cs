using System.Collections.Frozen;

namespace K8Shop.Contracts.Faults;

/// <summary>Every fault switch the shop has, in the order the admin API lists them.</summary>
public static class FaultCatalog
{
    public static IReadOnlyList<FaultDefinition> All { get; } =
    [
        new(FaultNames.PaymentDecline, "The payment provider declines charges (scope: user).", FaultKind.Outcome),
        new(FaultNames.PaymentLatency, "The payment provider answers slowly.", FaultKind.Latency, DefaultLatencyMs: 2000),
        new(FaultNames.PaymentProviderDown, "The payment provider cannot be reached; checkouts wait and retry, then fail the payment.", FaultKind.Error),
        new(FaultNames.DynamoDBThrottling, "Inventory writes to DynamoDB fail with ProvisionedThroughputExceededException.", FaultKind.Error),
        new(FaultNames.DynamoDBLatency, "Inventory writes to DynamoDB are slow.", FaultKind.Latency, DefaultLatencyMs: 200),
        new(FaultNames.RedisUnavailable, "Redis (carts) cannot be reached.", FaultKind.Error),
        new(FaultNames.PostgresSlowWrites, "Order and payment writes to PostgreSQL are slow.", FaultKind.Latency, DefaultLatencyMs: 500),
        new(FaultNames.BrokerPublishNack, "RabbitMQ nacks published events (the outbox retries them).", FaultKind.Error),
        new(FaultNames.BrokerConnectionDrop, "The RabbitMQ connection drops.", FaultKind.Error),
        new(FaultNames.Smtp4xx, "The SMTP server answers 4xx (transient: sends are retried).", FaultKind.Error),
        new(FaultNames.Smtp5xx, "The SMTP server answers 5xx (permanent: the e-mail fails).", FaultKind.Error),
        new(FaultNames.SmtpSlow, "The SMTP server is slow.", FaultKind.Latency, DefaultLatencyMs: 3000),
        new(FaultNames.CatalogLatency, "Catalog reads are slow.", FaultKind.Latency, DefaultLatencyMs: 500),
        new(FaultNames.RecommendationsFailing, "Recommendations fail (the storefront must cope without them).", FaultKind.Error),
        new(FaultNames.HotSkuDelay, "Calls to an inventory SKU grain are delayed (scope: sku).", FaultKind.Latency, DefaultLatencyMs: 100),
        new(FaultNames.CheckoutSagaCrash, "The checkout saga's grain crashes between two persisted steps; its reminder resumes it.", FaultKind.Outcome),
        new(FaultNames.Gateway503, "Gateways answer 503 with Retry-After (never on /admin/faults or health).", FaultKind.Outcome),
    ];

    private static readonly FrozenDictionary<string, FaultDefinition> ByName =
        All.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, out FaultDefinition definition) => ByName.TryGetValue(name, out definition!);

    public static FaultDefinition Get(string name) =>
        ByName.TryGetValue(name, out var definition) ? definition : throw new UnknownFaultException(name);
}
