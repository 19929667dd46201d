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
        var matched = Match(view, expanded);
        var filters = new SearchFilters(query);
        var tags = new Dictionary<string, int>(StringComparer.Ordinal);
        var authors = new Dictionary<string, int>(StringComparer.Ordinal);
        var bands = new Dictionary<string, int>(StringComparer.Ordinal);
        var stock = new Dictionary<string, int>(StringComparer.Ordinal);
        var hits = new List<IndexedBook>();
        foreach (var book in matched)
        {
            var p = book.Product;
            bool tag = filters.Tag(p), author = filters.Author(p), band = filters.Band(p), inStock = filters.Stock(p), price = filters.Price(p);
            if (author && band && inStock && price)
            {
                foreach (var t in p.Tags)
                    tags[t] = tags.GetValueOrDefault(t) + 1;
            }
            if (tag && band && inStock && price && p.Author is { } name)
                authors[name] = authors.GetValueOrDefault(name) + 1;
            if (tag && author && inStock && price)
                bands[PriceBands.Of(p.Price)] = bands.GetValueOrDefault(PriceBands.Of(p.Price)) + 1;
            if (tag && author && band && price)
                stock[p.Stock > 0 ? "true" : "false"] = stock.GetValueOrDefault(p.Stock > 0 ? "true" : "false") + 1;
            if (tag && author && band && inStock && price)
                hits.Add(book);
        }

        var page = Order(view, hits, query, expanded).Skip(query.Skip).Take(query.PageSize)
            .Select(b => new BookSearchHit(b.Product, SearchHighlighter.For(b.Product, expanded), ratings.Get(b.Product.Sku)))
            .ToImmutableArray();
        var facets = new SearchFacets(
            SearchFilters.Top(tags), SearchFilters.Top(authors),
            SearchFilters.Fixed(PriceBands.All.Select(b => b.Name), bands), SearchFilters.Fixed(SearchFilters.StockValues, stock));
        return new BookSearchResult(page, hits.Count, facets, hits.Count < ShopLimits.Search.DidYouMeanBelow ? expanded.Correction : null);
    }

    private static IEnumerable<IndexedBook> Match(InMemorySearchIndex.IndexView view, ExpandedQuery query)
    {
        if (query.Groups.IsEmpty && query.Exclusions.IsEmpty)
            return view.Books;
        HashSet<Guid>? found = null;
        foreach (var group in query.Groups.OrderBy(g => g.Length))
        {
            var either = new HashSet<Guid>();
            foreach (var term in group)
                either.UnionWith(Holding(view, term.Term.Kind, term.Words));
            if (found is null)
                found = either;
            else
                found.IntersectWith(either);
            if (found.Count == 0)
                return [];
        }
        var books = found is null ? view.Books.Select(b => b.Product.Id).ToHashSet() : found;
        foreach (var exclusion in query.Exclusions)
            books.ExceptWith(Holding(view, exclusion.Kind, exclusion.Words));
        return books.Select(view.Book);
    }

    private static HashSet<Guid> Holding(InMemorySearchIndex.IndexView view, QueryTermKind kind, ImmutableArray<string> words)
    {
        if (kind != QueryTermKind.Phrase)
            return view.Holding(words);
        var candidates = view.HoldingAll(words);
        candidates.RemoveWhere(id => !view.Book(id).HasPhrase(words));
        return candidates;
    }

    private IEnumerable<IndexedBook> Order(InMemorySearchIndex.IndexView view, List<IndexedBook> hits, BookSearchQuery query, ExpandedQuery expanded)
    {
        if (query.Sort != SearchSort.Relevance || expanded.Groups.IsEmpty)
        {
            var byProduct = hits.ToDictionary(h => h.Product.Id);
            return CatalogMatching.Order(hits.Select(h => h.Product), SearchFilters.ListingSort(query.Sort), ratings.Get).Select(p => byProduct[p.Id]);
        }
        var terms = expanded.Groups.SelectMany(g => g).ToList();
        return hits.Select(h => (Book: h, Score: terms.Sum(t => view.Score(h.Product.Id, t))))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Book.TitleKey, StringComparer.Ordinal)
            .ThenBy(h => h.Book.Product.Title, StringComparer.Ordinal)
            .ThenBy(h => h.Book.Product.Sku, StringComparer.Ordinal)
            .Select(h => h.Book);
    }
}
