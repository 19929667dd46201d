using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Faults;
using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Rules;
using K8Shop.Faults.Injection;
using Orleans.Concurrency;

namespace K8Shop.Grains.Catalog.Search;

/// <summary>
/// Search and suggestions from the configured store's search, on every silo (stateless, reentrant, like the catalog
/// grain). It re-checks the limits the gateway validated and shows each hit with the stock its inventory grain holds.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class CatalogSearchGrain(ICatalogSearch search, IFaultInjector faults) : Grain, ICatalogSearchGrain
{
    public async Task<BookSearchResult> SearchAsync(BookSearchQuery query)
    {
        await faults.InjectAsync(FaultNames.CatalogLatency, FaultScope.None);
        var bounded = query with
        {
            Text = query.Text is { Length: > ShopLimits.Search.MaxQueryLength } text ? text[..ShopLimits.Search.MaxQueryLength] : query.Text,
            Page = Math.Clamp(query.Page, 1, ShopLimits.Paging.MaxPage),
            PageSize = Math.Clamp(query.PageSize, 1, ShopLimits.Search.MaxPageSize),
        };
        var result = await search.SearchAsync(bounded);
        var items = await Task.WhenAll(result.Items.Select(async hit => hit with { Product = await WithStockAsync(hit.Product) }));
        return result with { Items = [.. items] };
    }

    public async Task<ImmutableArray<SearchSuggestion>> SuggestAsync(string prefix, int limit)
    {
        if (string.IsNullOrWhiteSpace(prefix) || limit <= 0)
            return [];
        var typed = prefix.Length > ShopLimits.Search.MaxSuggestLength ? prefix[..ShopLimits.Search.MaxSuggestLength] : prefix;
        return await search.SuggestAsync(typed, Math.Min(limit, ShopLimits.Search.MaxSuggestLimit));
    }

    private async Task<Product> WithStockAsync(Product product)
    {
        var inventory = await GrainFactory.GetGrain<IInventorySkuGrain>(InventoryKey.For(product.Sku)).GetAsync();
        return product with { Stock = inventory.Available };
    }
}
