using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Catalog.Search;

namespace K8Shop.Grains.Catalog.Search;

/// <summary>
/// The catalog's search, next to its store: PostgreSQL full-text search and pg_trgm in the cluster profile, an
/// in-memory index in embedded mode. Both read the query through <see cref="ShopperQuery"/> and
/// <see cref="ExpandedQuery"/> and highlight with <see cref="SearchHighlighter"/>, so they answer alike. Products come
/// back with the stock the store records; the grain replaces it with the inventory's.
/// </summary>
public interface ICatalogSearch
{
    Task<BookSearchResult> SearchAsync(BookSearchQuery query, CancellationToken cancellationToken = default);

    Task<ImmutableArray<SearchSuggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken = default);
}
