using System.Collections.Concurrent;
using K8Shop.Contracts.Catalog;

namespace K8Shop.Grains.Catalog;

/// <summary>
/// Every book's rating summary in embedded mode (the reviews feature sets it; the in-memory catalog sorts and searches
/// by it). The cluster profile keeps them in <c>catalog.book_ratings</c> instead.
/// </summary>
public sealed class BookRatings
{
    private readonly ConcurrentDictionary<string, BookRatingSummary> _bySku = new(StringComparer.OrdinalIgnoreCase);

    public void Set(BookRatingSummary summary) => _bySku[summary.Sku] = summary;

    /// <summary>The book's summary; null when nobody rated it.</summary>
    public BookRatingSummary? Get(string sku) => _bySku.TryGetValue(sku, out var summary) && summary.Count > 0 ? summary : null;
}
