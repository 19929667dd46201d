using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace K8Shop.Contracts.Events;

[GenerateSerializer, Immutable, Alias("k8shop.events.InventoryEventLine")]
public sealed record InventoryEventLine(
    [property: Id(0), JsonPropertyName("sku")] string Sku,
    [property: Id(1), JsonPropertyName("qty")] int Qty);

/// <summary>The original <c>inventory.updated</c> body: <c>order_id</c>, <c>status</c> (<c>inventory.updated</c> or <c>inventory.failed</c>), <c>items</c>, <c>reason</c>.</summary>
[GenerateSerializer, Alias("k8shop.events.InventoryUpdatedEvent")]
public sealed record InventoryUpdatedEvent : IntegrationEvent
{
    [Id(0), JsonPropertyName("order_id")]
    public required string OrderId { get; init; }

    [Id(1), JsonPropertyName("status")]
    public required string Status { get; init; }

    [Id(2), JsonPropertyName("items")]
    public required ImmutableArray<InventoryEventLine> Items { get; init; }

    [Id(3), JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    [JsonIgnore]
    public override string RoutingKey => "inventory.updated";
}

/// <summary><c>inventory.low</c>: a SKU's available units fell to its threshold (<c>sku</c>, <c>threshold</c>, <c>current</c>, as the original documented).</summary>
[GenerateSerializer, Alias("k8shop.events.InventoryLowEvent")]
public sealed record InventoryLowEvent : IntegrationEvent
{
    [Id(0), JsonPropertyName("sku")]
    public required string Sku { get; init; }

    [Id(1), JsonPropertyName("threshold")]
    public required int Threshold { get; init; }

    [Id(2), JsonPropertyName("current")]
    public required int Current { get; init; }

    [JsonIgnore]
    public override string RoutingKey => "inventory.low";
}

/// <summary><c>product.created</c> / <c>product.updated</c>: the product as the catalog now has it.</summary>
[GenerateSerializer, Alias("k8shop.events.ProductEvent")]
public sealed record ProductEvent : IntegrationEvent
{
    /// <summary><c>product.created</c> or <c>product.updated</c>.</summary>
    [Id(0), JsonPropertyName("event")]
    public required string Event { get; init; }

    [Id(1), JsonPropertyName("id")]
    public required string Id { get; init; }

    [Id(2), JsonPropertyName("sku")]
    public required string Sku { get; init; }

    [Id(3), JsonPropertyName("title")]
    public required string Title { get; init; }

    [Id(4), JsonPropertyName("price")]
    public required decimal Price { get; init; }

    [Id(5), JsonPropertyName("tags")]
    public required ImmutableArray<string> Tags { get; init; }

    [JsonIgnore]
    public override string RoutingKey => Event;
}
