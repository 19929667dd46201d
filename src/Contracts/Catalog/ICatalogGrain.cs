namespace K8Shop.Contracts.Catalog;

/// <summary>
/// The catalog as the silo serves it: a stateless worker, so every silo answers reads locally from the
/// configured store (PostgreSQL in the cluster profile, memory in embedded mode).
/// </summary>
public interface ICatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Finds a product by its UUID or by its SKU (case-insensitive); null when none matches.</summary>
    Task<Product?> FindAsync(string idOrSku);

    /// <summary>A product's SKU, title and price, without its stock (cheaper: for pricing carts and orders).</summary>
    Task<ProductPrice?> GetPriceAsync(string sku);

    /// <summary>Lists the products matching every filter of the query, in the query's order.</summary>
    Task<CatalogPage> SearchAsync(CatalogQuery query);

    /// <summary>Adds a product; throws <see cref="DuplicateSkuException"/> when its SKU is taken.</summary>
    Task<Product> CreateAsync(ProductDraft draft);

    /// <summary>Replaces the product found by UUID or SKU; null when none matches.</summary>
    Task<Product?> UpdateAsync(string idOrSku, ProductDraft draft);

    /// <summary>Removes the product found by UUID or SKU; false when none matched.</summary>
    Task<bool> DeleteAsync(string idOrSku);

    /// <summary>Asks the store whether it answers.</summary>
    Task<CatalogHealth> CheckHealthAsync();
}
