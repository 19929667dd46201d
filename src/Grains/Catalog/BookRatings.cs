using System.Collections.Concurrent;
using K8Shop.Contracts.Catalog;

namespace K8Shop.Grains.Catalog;

/// <summary>
/// Every book's rating summary in embedded mode (in the cluster profile it is table <c>catalog.book_ratings</c>): the
/// reviews store sets a book's summary with each review change, the catalog's search reads it to sort by rating.
/// </summary>
public static class BookRatings
{
    private static readonly ConcurrentDictionary<string, BookRatingSummary> Summaries = new(StringComparer.OrdinalIgnoreCase);

    public static void Set(BookRatingSummary summary) => Summaries[summary.Sku] = summary;

    public static BookRatingSummary? Get(string sku) => Summaries.TryGetValue(sku, out var summary) ? summary : null;
}
