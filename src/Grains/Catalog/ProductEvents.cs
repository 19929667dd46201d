using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Events;

namespace K8Shop.Grains.Catalog;

/// <summary>The <c>product.created</c> / <c>product.updated</c> event of a product as written.</summary>
public static class ProductEvents
{
    public const string Created = "product.created";
    public const string Updated = "product.updated";

    public static ProductEvent For(string name, Product product) => new()
    {
        MessageId = IntegrationEvent.StableMessageId(product.Id.ToString(), $"{name}@{product.UpdatedAt.UtcTicks}"),
        CorrelationId = product.Sku,
        OccurredAt = product.UpdatedAt,
        Event = name,
        Id = product.Id.ToString(),
        Sku = product.Sku,
        Title = product.Title,
        Price = product.Price,
        Tags = [.. product.Tags],
    };
}
