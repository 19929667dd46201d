using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Faults;
using K8Shop.Contracts.Inventory;
using K8Shop.Grains.Durability;
using K8Shop.Grains.Events;
using K8Shop.Faults.Injection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace K8Shop.Grains.Catalog;

/// <summary>
/// Serves the catalog from the configured store. It holds no state, so it runs as a stateless worker on every
/// silo and interleaves calls freely (reentrant): reads scale with silos and never queue behind a slow write.
/// </summary>
[StatelessWorker, Reentrant]
public sealed partial class CatalogGrain(ICatalogStore store, CatalogPriceCache prices, IFaultInjector faults, ILogger<CatalogGrain> logger) : Grain, ICatalogGrain
{
    public async Task<Product?> FindAsync(string idOrSku)
    {
        await faults.InjectAsync(FaultNames.CatalogLatency, FaultScope.ForSku(idOrSku));
        return await store.FindAsync(idOrSku) is { } product ? await WithStockAsync(product) : null;
    }

    public async Task<ProductPrice?> GetPriceAsync(string sku)
    {
        if (prices.TryGet(sku, out var cached))
            return cached;
        var skus = prices.DueWith(sku);
        var found = await store.GetPricesAsync(skus);
        prices.SetAll(skus, found);
        return found.FirstOrDefault(p => string.Equals(p.Sku, sku, StringComparison.OrdinalIgnoreCase));
    }

    public async Task<CatalogPage> SearchAsync(CatalogQuery query)
    {
        await faults.InjectAsync(FaultNames.CatalogLatency, FaultScope.None);
        var page = await store.SearchAsync(query);
        return page with { Items = await Task.WhenAll(page.Items.Select(WithStockAsync)) };
    }

    public async Task<Product> CreateAsync(ProductDraft draft)
    {
        var product = await store.CreateAsync(Checked(draft));
        prices.Forget(product.Sku);
        LogProductCreated(product.Sku, product.Id);
        await PublishAsync(ProductEvents.Created, product);
        return await WithStockAsync(product);
    }

    public async Task<Product?> UpdateAsync(string idOrSku, ProductDraft draft)
    {
        var product = await store.UpdateAsync(idOrSku, Checked(draft));
        // The SKU may have changed: forget every price this silo holds rather than guess the old one.
        prices.Clear();
        if (product is null)
            return null;
        LogProductUpdated(product.Sku, product.Id);
        await PublishAsync(ProductEvents.Updated, product);
        return await WithStockAsync(product);
    }

    public async Task<bool> DeleteAsync(string idOrSku)
    {
        var deleted = await store.DeleteAsync(idOrSku);
        prices.Clear();
        if (deleted)
            LogProductDeleted(idOrSku);
        return deleted;
    }

    public async Task<CatalogHealth> CheckHealthAsync()
    {
        try
        {
            await store.PingAsync();
            return new CatalogHealth(true, store.Backend);
        }
        catch (CatalogUnavailableException ex)
        {
            return new CatalogHealth(false, store.Backend, ex.Message);
        }
    }

    /// <summary>
    /// <c>product.created</c> / <c>product.updated</c>. A store that keeps events (PostgreSQL) wrote it with the product
    /// and its host publishes it; with the in-memory store it is published here, after the write (nothing of that
    /// store survives a crash anyway).
    /// </summary>
    private async Task PublishAsync(string name, Product product)
    {
        if (store.KeepsEvents)
            return;
        var @event = ProductEvents.For(name, product);
        try
        {
            var (_, failure) = await EventOutbox.PublishAsync(this.GetStreamProvider(EventStreams.ProviderName), [@event]);
            if (failure is not null)
                LogUnpublished(product.Sku, name, failure.Message);
        }
        catch (Exception ex)
        {
            LogUnpublished(product.Sku, name, ex.Message);
        }
    }

    /// <summary>The stock shoppers see is what the SKU's inventory grain says is available: one source of truth.</summary>
    private async Task<Product> WithStockAsync(Product product)
    {
        var inventory = await GrainFactory.GetGrain<IInventorySkuGrain>(InventoryKey.For(product.Sku)).GetAsync();
        return product with { Stock = inventory.Available };
    }

    private static ProductDraft Checked(ProductDraft draft)
    {
        var normalized = ProductRules.Normalize(draft);
        var errors = ProductRules.Validate(normalized);
        return errors.Count == 0 ? normalized : throw new InvalidProductException(errors);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Product {Sku}: event {EventName} not published: {Reason}")]
    private partial void LogUnpublished(string sku, string eventName, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Product {Sku} ({ProductId}) created")]
    private partial void LogProductCreated(string sku, Guid productId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Product {Sku} ({ProductId}) updated")]
    private partial void LogProductUpdated(string sku, Guid productId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Product {IdOrSku} deleted")]
    private partial void LogProductDeleted(string idOrSku);
}
