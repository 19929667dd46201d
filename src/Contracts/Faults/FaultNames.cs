namespace K8Shop.Contracts.Faults;

/// <summary>The 17 fault switches' names (kebab-case, as the admin API and configuration spell them).</summary>
public static class FaultNames
{
    public const string PaymentDecline = "payment-decline";
    public const string PaymentLatency = "payment-latency";
    public const string PaymentProviderDown = "payment-provider-down";
    public const string DynamoDBThrottling = "dynamodb-throttling";
    public const string DynamoDBLatency = "dynamodb-latency";
    public const string RedisUnavailable = "redis-unavailable";
    public const string PostgresSlowWrites = "postgres-slow-writes";
    public const string BrokerPublishNack = "broker-publish-nack";
    public const string BrokerConnectionDrop = "broker-connection-drop";
    public const string Smtp4xx = "smtp-4xx";
    public const string Smtp5xx = "smtp-5xx";
    public const string SmtpSlow = "smtp-slow";
    public const string CatalogLatency = "catalog-latency";
    public const string RecommendationsFailing = "recommendations-failing";
    public const string HotSkuDelay = "hot-sku-delay";
    public const string CheckoutSagaCrash = "checkout-saga-crash";
    public const string Gateway503 = "gateway-503";
}
