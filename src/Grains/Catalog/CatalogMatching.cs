using K8Shop.Contracts.Catalog;

namespace K8Shop.Grains.Catalog;

/// <summary>
/// The catalog's search semantics in plain code: the in-memory store runs them directly and the PostgreSQL
/// store's SQL mirrors them; contract tests hold both to the same answers.
/// </summary>
public static class CatalogMatching
{
    /// <summary>True when the product passes every filter of the query.</summary>
    public static bool Matches(Product product, CatalogQuery query)
    {
        if (query.Text is { Length: > 0 } text)
        {
            var needle = text.ToLowerInvariant();
            if (!product.Title.ToLowerInvariant().Contains(needle, StringComparison.Ordinal)
                && !product.Sku.ToLowerInvariant().Contains(needle, StringComparison.Ordinal))
                return false;
        }

        if (query.Tag is { Length: > 0 } tag && !product.Tags.Any(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase)))
            return false;
        if (query.MinPrice is { } min && product.Price < min)
            return false;
        if (query.MaxPrice is { } max && product.Price > max)
            return false;
        return true;
    }

    /// <summary>Orders products as the query asks; titles compare case-insensitively, then by SKU for a stable order.</summary>
    public static IOrderedEnumerable<Product> Order(IEnumerable<Product> products, CatalogSort sort, Func<string, BookRatingSummary?>? ratings = null) => sort switch
    {
        CatalogSort.Rating => products.OrderByDescending(p => ratings?.Invoke(p.Sku) is { Count: > 0 } r ? r.Average : -1)
            .ThenByDescending(p => ratings?.Invoke(p.Sku)?.Count ?? 0).ThenBy(TitleKey, StringComparer.Ordinal).ThenBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Sku, StringComparer.Ordinal),
        CatalogSort.PriceAscending => products.OrderBy(p => p.Price).ThenBy(TitleKey, StringComparer.Ordinal).ThenBy(p => p.Sku, StringComparer.Ordinal),
        CatalogSort.PriceDescending => products.OrderByDescending(p => p.Price).ThenBy(TitleKey, StringComparer.Ordinal).ThenBy(p => p.Sku, StringComparer.Ordinal),
        CatalogSort.Newest => products.OrderByDescending(p => p.PublishedYear ?? int.MinValue).ThenByDescending(p => p.CreatedAt).ThenBy(TitleKey, StringComparer.Ordinal).ThenBy(p => p.Sku, StringComparer.Ordinal),
        _ => products.OrderBy(TitleKey, StringComparer.Ordinal).ThenBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Sku, StringComparer.Ordinal),
    };

    /// <summary>Applies filters, order and paging to a whole catalog held in memory.</summary>
    public static CatalogPage Search(IEnumerable<Product> products, CatalogQuery query, Func<string, BookRatingSummary?>? ratings = null)
    {
        var matches = Order(products.Where(p => Matches(p, query)), query.Sort, ratings).ToList();
        IReadOnlyList<Product> page = query.PageSize is { } size ? matches.Skip(query.Skip).Take(size).ToList() : matches;
        return new CatalogPage(page, matches.Count);
    }

    public static string TitleKey(Product product) => product.Title.ToLowerInvariant();
}
