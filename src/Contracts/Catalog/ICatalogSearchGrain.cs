using System.Collections.Immutable;

namespace K8Shop.Contracts.Catalog;

/// <summary>
/// Search and suggestions over the catalog: a stateless worker on every silo, served by the configured store's
/// search (PostgreSQL full-text search and pg_trgm in the cluster profile, an in-memory index in embedded mode).
/// </summary>
public interface ICatalogSearchGrain : IGrainWithIntegerKey
{
    /// <summary>One page of the products matching the query, with highlights, ratings, facets and a better spelling.</summary>
    Task<BookSearchResult> SearchAsync(BookSearchQuery query);

    /// <summary>Titles and authors with words starting with what was typed, at most <paramref name="limit"/>.</summary>
    Task<ImmutableArray<SearchSuggestion>> SuggestAsync(string prefix, int limit);
}
