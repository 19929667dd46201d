namespace K8Shop.Contracts.Events;

/// <summary>Where grains publish events: one Orleans stream provider, a stream per entity (namespace "orders", key the order id).</summary>
public static class EventStreams
{
    /// <summary>The stream provider's name: in-memory streams in embedded mode, RabbitMQ in the cluster profile.</summary>
    public const string ProviderName = "events";
}
