using K8Shop.Contracts.Catalog;

namespace K8Shop.Grains.Catalog;

/// <summary>
/// Where products live: PostgreSQL in the cluster profile, memory in embedded mode. Implementations throw
/// <see cref="CatalogUnavailableException"/> when the store cannot be reached and
/// <see cref="DuplicateSkuException"/> when a write would reuse a SKU.
/// </summary>
public interface ICatalogStore
{
    /// <summary>The name health reports give this store ("postgres", "memory").</summary>
    string Backend { get; }

    /// <summary>
    /// True when the store writes each product's event with the product itself (an outbox its host publishes);
    /// otherwise the catalog grain publishes after the write.
    /// </summary>
    bool KeepsEvents => false;

    Task<Product?> FindAsync(string idOrSku, CancellationToken cancellationToken = default);

    /// <summary>
    /// The price of each product whose SKU (in any case) is among <paramref name="skus"/>, in one read; a SKU no product
    /// has is left out.
    /// </summary>
    Task<IReadOnlyList<ProductPrice>> GetPricesAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken = default);

    Task<CatalogPage> SearchAsync(CatalogQuery query, CancellationToken cancellationToken = default);

    Task<Product> CreateAsync(ProductDraft draft, CancellationToken cancellationToken = default);

    Task<Product?> UpdateAsync(string idOrSku, ProductDraft draft, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string idOrSku, CancellationToken cancellationToken = default);

    /// <summary>Completes when the store answers; throws <see cref="CatalogUnavailableException"/> otherwise.</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}
