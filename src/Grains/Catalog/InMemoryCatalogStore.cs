using K8Shop.Contracts.Catalog;
using K8Shop.Grains.Catalog.Search;
using K8Shop.Grains.Catalog.Seed;

namespace K8Shop.Grains.Catalog;

/// <summary>
/// The embedded mode's catalog: the seed, held in one process, lost when it stops. Its search index is updated with
/// every write, inside the same lock, so a search never sees a product the store no longer has.
/// </summary>
public sealed class InMemoryCatalogStore : ICatalogStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Product> _byId = [];
    // SKU (any case) to id: every inventory grain's first activation looks its SKU up, and a scan of a large catalog
    // under the lock per lookup stalled the whole silo at 100,000 books.
    private readonly Dictionary<string, Guid> _idBySku = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _clock;
    private readonly BookRatings _ratings;

    public InMemoryCatalogStore(TimeProvider clock, IEnumerable<ProductDraft> seed, BookRatings? ratings = null)
    {
        _clock = clock;
        _ratings = ratings ?? new BookRatings();
        var now = clock.GetUtcNow();
        foreach (var draft in seed)
        {
            var product = CatalogSeed.ToProduct(draft, now);
            _byId[product.Id] = product;
            _idBySku[product.Sku] = product.Id;
        }
        Index = new InMemorySearchIndex(_byId.Values);
    }

    /// <summary>The search index over this store's products.</summary>
    public InMemorySearchIndex Index { get; }

    public string Backend => "memory";

    public Task<Product?> FindAsync(string idOrSku, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(FindLocked(idOrSku));
    }

    public Task<IReadOnlyList<ProductPrice>> GetPricesAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken = default)
    {
        var prices = new List<ProductPrice>(skus.Count);
        lock (_gate)
        {
            foreach (var sku in skus.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!_idBySku.TryGetValue(sku, out var id))
                    continue;
                var product = _byId[id];
                prices.Add(new ProductPrice(product.Sku, product.Title, product.Price));
            }
        }
        return Task.FromResult<IReadOnlyList<ProductPrice>>(prices);
    }

    public Task<CatalogPage> SearchAsync(CatalogQuery query, CancellationToken cancellationToken = default)
    {
        List<Product> snapshot;
        lock (_gate)
            snapshot = [.. _byId.Values];
        return Task.FromResult(CatalogMatching.Search(snapshot, query, _ratings.Get));
    }

    public Task<Product> CreateAsync(ProductDraft draft, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            EnsureSkuFree(draft.Sku, exceptId: null);
            var now = _clock.GetUtcNow();
            var product = FromDraft(Guid.CreateVersion7(now), draft, now, now);
            _byId[product.Id] = product;
            _idBySku[product.Sku] = product.Id;
            Index.Upsert(product);
            return Task.FromResult(product);
        }
    }

    public Task<Product?> UpdateAsync(string idOrSku, ProductDraft draft, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (FindLocked(idOrSku) is not { } existing)
                return Task.FromResult<Product?>(null);
            EnsureSkuFree(draft.Sku, exceptId: existing.Id);
            var updated = FromDraft(existing.Id, draft, existing.CreatedAt, _clock.GetUtcNow());
            _byId[existing.Id] = updated;
            _idBySku.Remove(existing.Sku);
            _idBySku[updated.Sku] = updated.Id;
            Index.Upsert(updated);
            return Task.FromResult<Product?>(updated);
        }
    }

    public Task<bool> DeleteAsync(string idOrSku, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (FindLocked(idOrSku) is not { } existing || !_byId.Remove(existing.Id))
                return Task.FromResult(false);
            _idBySku.Remove(existing.Sku);
            Index.Remove(existing.Id);
            return Task.FromResult(true);
        }
    }

    public Task PingAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    private Product? FindLocked(string idOrSku)
    {
        if (Guid.TryParse(idOrSku, out var id) && _byId.TryGetValue(id, out var byId))
            return byId;
        return _idBySku.TryGetValue(idOrSku, out var bySku) ? _byId[bySku] : null;
    }

    private void EnsureSkuFree(string sku, Guid? exceptId)
    {
        if (_idBySku.TryGetValue(sku, out var holder) && holder != exceptId)
            throw new DuplicateSkuException(sku);
    }

    private static Product FromDraft(Guid id, ProductDraft d, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new(id, d.Sku, d.Title, d.Description, d.Price, d.ImageUrl, d.Tags, d.Stock, d.Author, d.Isbn, d.PublishedYear, createdAt, updatedAt);
}
