using System.Buffers;
using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Catalog.Search;
using K8Shop.Contracts.Rules;

namespace K8Shop.Grains.Catalog.Search;

/// <summary>The embedded mode's search: the in-memory index, the ratings held in memory, the shared query rules.</summary>
public sealed class InMemoryCatalogSearch(InMemorySearchIndex index, BookRatings ratings) : ICatalogSearch
{
    public async Task<BookSearchResult> SearchAsync(BookSearchQuery query, CancellationToken cancellationToken = default)
    {
        var expanded = await ExpandedQuery.ExpandAsync(ShopperQuery.Parse(query.Text).Bounded(), index, cancellationToken);
        return index.Read(view => Run(view, query, expanded));
    }

    public Task<ImmutableArray<SearchSuggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.Read(view => view.Suggest(prefix, Math.Min(limit, ShopLimits.Search.MaxSuggestLimit)).ToImmutableArray()));

    private BookSearchResult Run(InMemorySearchIndex.IndexView view, BookSearchQuery query, ExpandedQuery expanded)
    {
        // The per-search arrays are rented: sized by the catalog's authors or the matches, they would otherwise land on
        // the large object heap at every search over a common word, and full collections would follow.
        var matched = view.Match(expanded, out var scores);
        var tags = Counts(view.Tags.Count);
        var authors = Counts(view.Authors.Count);
        try
        {
            var filter = new SlotFilter(view, query);
            var bands = new int[PriceBands.All.Count];
            var stock = new int[2];
            var hits = new List<int>();
            foreach (var slot in matched)
            {
                ref readonly var f = ref view.Facts(slot);
                bool tag = filter.Tag(f), author = filter.Author(f), band = filter.Band(f), inStock = filter.Stock(f), price = filter.Price(f);
                if (author && band && inStock && price)
                {
                    foreach (var t in f.Tags)
                        tags[t]++;
                }
                if (tag && band && inStock && price && f.Author >= 0)
                    authors[f.Author]++;
                if (tag && author && inStock && price)
                    bands[f.Band]++;
                if (tag && author && band && price)
                    stock[f.InStock ? 0 : 1]++;
                if (tag && author && band && inStock && price)
                    hits.Add(slot);
            }

            var page = Page(view, hits, scores, query, expanded)
                .Select(b => new BookSearchHit(b.Product, SearchHighlighter.For(b.Product, expanded), ratings.Get(b.Product.Sku)))
                .ToImmutableArray();
            var facets = new SearchFacets(
                Top(tags, view.Tags.Count, code => view.Tags[code]), Top(authors, view.Authors.Count, code => view.Authors[code]),
                [.. PriceBands.All.Select((b, i) => new FacetCount(b.Name, bands[i])).Where(c => c.Count > 0)],
                [.. SearchFilters.StockValues.Select((v, i) => new FacetCount(v, stock[i])).Where(c => c.Count > 0)]);
            return new BookSearchResult(page, hits.Count, facets, hits.Count < ShopLimits.Search.DidYouMeanBelow ? expanded.Correction : null);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(tags);
            ArrayPool<int>.Shared.Return(authors);
        }
    }

    private static int[] Counts(int length)
    {
        var counts = ArrayPool<int>.Shared.Rent(Math.Max(length, 1));
        Array.Clear(counts, 0, length);
        return counts;
    }

    /// <summary>The most frequent values first, then ordinal; at most <see cref="ShopLimits.Search.MaxFacetValues"/>.</summary>
    private static ImmutableArray<FacetCount> Top(int[] counts, int length, Func<int, string> value)
    {
        var counted = new List<FacetCount>();
        for (var code = 0; code < length; code++)
        {
            if (counts[code] > 0)
                counted.Add(new FacetCount(value(code), counts[code]));
        }
        return [.. BestOf.Page(counted, 0, ShopLimits.Search.MaxFacetValues, FacetOrder.Instance)];
    }

    /// <summary>
    /// The requested page in the requested order, the order PostgreSQL's search uses too: relevance (the summed weights
    /// of the words each term matched) or the requested sort, then lower-cased title, title and SKU as tie-breakers.
    /// </summary>
    private List<IndexedBook> Page(InMemorySearchIndex.IndexView view, List<int> hits, double[] scores, BookSearchQuery query, ExpandedQuery expanded)
    {
        var sort = query.Sort == SearchSort.Relevance && expanded.Groups.IsEmpty ? SearchSort.Title : query.Sort;
        var ranked = ArrayPool<Ranked>.Shared.Rent(Math.Max(hits.Count, 1));
        try
        {
            for (var i = 0; i < hits.Count; i++)
                ranked[i] = Rank(view, hits[i], sort, scores);
            var page = BestOf.Page(new ArraySegment<Ranked>(ranked, 0, hits.Count), query.Skip, query.PageSize, new RankedOrder(view));
            return [.. page.Select(r => view.Book(r.Slot))];
        }
        finally
        {
            ArrayPool<Ranked>.Shared.Return(ranked);
        }
    }

    /// <summary>The book's first sort keys, computed once per search rather than once per comparison: smaller sorts first.</summary>
    private Ranked Rank(InMemorySearchIndex.IndexView view, int slot, SearchSort sort, double[] scores)
    {
        ref readonly var f = ref view.Facts(slot);
        var (first, second) = sort switch
        {
            SearchSort.Relevance => (-scores[slot], 0.0),
            SearchSort.PriceAscending => ((double)f.Price, 0.0),
            SearchSort.PriceDescending => (-(double)f.Price, 0.0),
            SearchSort.Newest => (-(double)(f.Year ?? int.MinValue), -(double)f.CreatedTicks),
            // Rated books by average, then by how many rated them; unrated books after every rated one.
            SearchSort.Rating => ratings.Get(view.Book(slot).Product.Sku) is { Count: > 0 } rating ? (-rating.Average, -rating.Count) : (1.0, 0.0),
            _ => (0.0, 0.0),
        };
        return new Ranked(slot, first, second, f.TitlePrefix);
    }

    private readonly record struct Ranked(int Slot, double First, double Second, ulong TitlePrefix);

    private sealed class RankedOrder(InMemorySearchIndex.IndexView view) : IComparer<Ranked>
    {
        public int Compare(Ranked a, Ranked b)
        {
            var order = a.First.CompareTo(b.First);
            if (order == 0)
                order = a.Second.CompareTo(b.Second);
            if (order == 0)
                order = a.TitlePrefix.CompareTo(b.TitlePrefix);
            if (order != 0)
                return order;
            IndexedBook x = view.Book(a.Slot), y = view.Book(b.Slot);
            order = string.CompareOrdinal(x.TitleKey, y.TitleKey);
            if (order == 0)
                order = string.CompareOrdinal(x.Product.Title, y.Product.Title);
            return order != 0 ? order : string.CompareOrdinal(x.Product.Sku, y.Product.Sku);
        }
    }

    private sealed class FacetOrder : IComparer<FacetCount>
    {
        public static readonly FacetOrder Instance = new();

        public int Compare(FacetCount? a, FacetCount? b) =>
            a!.Count != b!.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value);
    }

    /// <summary>The query's filters on a book's facts, each alone, so each facet can be counted with the others applied.</summary>
    private sealed class SlotFilter(InMemorySearchIndex.IndexView view, BookSearchQuery query)
    {
        private readonly IReadOnlyList<int>? _tags = query.Tag is { Length: > 0 } tag ? view.Tags.Matching(tag) : null;
        private readonly IReadOnlyList<int>? _authors = query.Author is { Length: > 0 } author ? view.Authors.Matching(author) : null;
        private readonly int? _band = query.PriceBand is { Length: > 0 } band ? PriceBands.All.Select(b => b.Name).ToList().IndexOf(band) : null;

        public bool Tag(in InMemorySearchIndex.BookFacts f)
        {
            if (_tags is null)
                return true;
            foreach (var t in f.Tags)
            {
                if (_tags.Contains(t))
                    return true;
            }
            return false;
        }

        public bool Author(in InMemorySearchIndex.BookFacts f) => _authors is null || _authors.Contains(f.Author);

        public bool Band(in InMemorySearchIndex.BookFacts f) => _band is not { } band || f.Band == band;

        public bool Stock(in InMemorySearchIndex.BookFacts f) => query.InStock is not { } inStock || f.InStock == inStock;

        public bool Price(in InMemorySearchIndex.BookFacts f) =>
            (query.MinPrice is not { } min || f.Price >= min) && (query.MaxPrice is not { } max || f.Price <= max);
    }
}
