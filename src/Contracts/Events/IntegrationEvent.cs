using System.Text.Json.Serialization;

namespace K8Shop.Contracts.Events;

/// <summary>
/// A domain event as it travels: the JSON body is the original's payload (fields may be added, none renamed or
/// removed), published to a topic exchange (<see cref="Exchange"/>, "orders" as the original) under
/// <see cref="RoutingKey"/>. Every event carries <c>message_id</c> (stable across retries, so consumers act once)
/// and <c>correlation_id</c> (the order or SKU it is about).
/// </summary>
[GenerateSerializer, Alias("k8shop.events.IntegrationEvent")]
public abstract record IntegrationEvent
{
    /// <summary>The topic exchange every K8Shop event goes to (the original's).</summary>
    public const string Exchange = "orders";

    [Id(0), JsonPropertyName("message_id")]
    public required string MessageId { get; init; }

    [Id(1), JsonPropertyName("correlation_id")]
    public required string CorrelationId { get; init; }

    [Id(2), JsonPropertyName("occurred_at")]
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The AMQP routing key: <c>orders.order_created</c>, <c>inventory.low</c>, ...</summary>
    [JsonIgnore]
    public abstract string RoutingKey { get; }

    /// <summary>The Orleans stream namespace events of this kind go to: the routing key's first segment.</summary>
    [JsonIgnore]
    public string StreamNamespace => RoutingKey[..RoutingKey.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>A message id that is the same every time the same fact is published again (after a crash or retry).</summary>
    public static string StableMessageId(string correlationId, string routingKey) =>
        Ids.NameBasedGuid.Create(MessageIdNamespace, $"{routingKey}|{correlationId}").ToString();

    private static readonly Guid MessageIdNamespace = new("5d8e2c61-7a4b-4f0e-9b3d-2c6a1e8f4b97");
}
