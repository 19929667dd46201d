using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Catalog.Search;
using K8Shop.Contracts.Rules;
using K8Shop.Grains.Catalog.Search;
using Npgsql;
using NpgsqlTypes;

namespace K8Shop.Silo.Catalog;

/// <summary>
/// The cluster profile's search on PostgreSQL (migration 0007): full-text search over each product's weighted
/// <c>search_vector</c> (GIN), <c>websearch_to_tsquery</c> for the shopper's syntax, <c>ts_rank</c> for relevance,
/// the vocabulary table for typos and longer words (pg_trgm's <c>%</c> on a trigram GIN index, prefixes on its key),
/// facets by grouped counts, suggestions from B-tree key ranges, ratings from <c>catalog.book_ratings</c>.
/// </summary>
public sealed class PostgresCatalogSearch(NpgsqlDataSource dataSource, PostgresCatalogStore store) : ICatalogSearch, ISearchVocabulary
{
    /// <summary>The page's products with their rating summaries, in one round trip.</summary>
    private const string SelectHits = PostgresCatalogStore.ProductColumns + ", r.rating_count, r.rating_sum, r.stars"
        + PostgresCatalogStore.ProductsFrom + " WHERE p.id = ANY($1)";

    public Task<BookSearchResult> SearchAsync(BookSearchQuery query, CancellationToken cancellationToken = default) =>
        store.Guarded(async () =>
        {
            var expanded = await ExpandedQuery.ExpandAsync(ShopperQuery.Parse(query.Text).Bounded(), this, cancellationToken);
            var sql = new SearchSql(query, expanded);
            var page = new List<(Guid Id, long Position)>();
            var total = 0;
            var facets = new Dictionary<string, List<FacetCount>>(StringComparer.Ordinal);
            await using (var command = dataSource.CreateCommand(sql.Text))
            {
                command.Parameters.AddRange(sql.Parameters);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var kind = reader.GetString(0);
                    var count = reader.GetInt64(2);
                    if (kind == "hit")
                        page.Add((Guid.Parse(reader.GetString(1)), count));
                    else if (kind == "total")
                        total = (int)count;
                    else
                        (facets.TryGetValue(kind, out var list) ? list : facets[kind] = []).Add(new FacetCount(reader.GetString(1), (int)count));
                }
            }

            var hits = await HitsAsync([.. page.Select(p => p.Id)], cancellationToken);
            var items = page.OrderBy(p => p.Position).Where(p => hits.ContainsKey(p.Id)).Select(p => hits[p.Id])
                .Select(h => new BookSearchHit(h.Product, SearchHighlighter.For(h.Product, expanded), h.Rating))
                .ToImmutableArray();
            ImmutableArray<FacetCount> Facet(string name) => facets.TryGetValue(name, out var list) ? [.. list] : [];
            var result = new SearchFacets(
                Facet("tags").Sort(FacetOrder), Facet("authors").Sort(FacetOrder),
                SearchFilters.Fixed(PriceBands.All.Select(b => b.Name), Facet("priceBands").ToDictionary(f => f.Value, f => f.Count)),
                SearchFilters.Fixed(SearchFilters.StockValues, Facet("inStock").ToDictionary(f => f.Value, f => f.Count)));
            return new BookSearchResult(items, total, result, total < ShopLimits.Search.DidYouMeanBelow ? expanded.Correction : null);
        });

    public Task<ImmutableArray<SearchSuggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken = default) =>
        store.Guarded(async () =>
        {
            var key = SearchText.SuggestionPrefix(prefix);
            limit = Math.Min(limit, ShopLimits.Search.MaxSuggestLimit);
            if (key.Length == 0 || limit <= 0)
                return ImmutableArray<SearchSuggestion>.Empty;
            await using var command = dataSource.CreateCommand("""
                (SELECT key, author, NULL::text, 1 FROM catalog.search_author_keys
                 WHERE key >= $1 AND key < $1 || chr(1114111) ORDER BY key, author LIMIT $2)
                UNION ALL
                (SELECT key, title, sku, 0 FROM catalog.search_title_keys
                 WHERE key >= $1 AND key < $1 || chr(1114111) ORDER BY key, title, sku LIMIT $3)
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = key, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
            command.Parameters.Add(new NpgsqlParameter { Value = SuggestionIndex.TitleRows(limit), NpgsqlDbType = NpgsqlDbType.Integer });
            var titles = new List<(string, SearchSuggestion)>();
            var authors = new List<(string, SearchSuggestion)>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (reader.GetInt32(3) == 1)
                        authors.Add((reader.GetString(0), new SearchSuggestion(SuggestionKind.Author, reader.GetString(1), null)));
                    else
                        titles.Add((reader.GetString(0), new SearchSuggestion(SuggestionKind.Title, reader.GetString(1), reader.GetString(2))));
                }
            }
            return SuggestionIndex.Merge(titles, authors, limit).ToImmutableArray();
        });

    /// <summary>Whether each word is in the vocabulary, its trigram neighbours (<c>%</c>) and the first words it starts.</summary>
    public async Task<IReadOnlyDictionary<string, WordLookup>> LookupAsync(IReadOnlyCollection<string> words, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT t.term, s.word, s.documents, 's' FROM unnest($1::text[]) AS t(term)
                CROSS JOIN LATERAL (SELECT word, documents FROM catalog.search_words WHERE word % t.term) s
            UNION ALL
            SELECT t.term, x.word, x.documents, 'p' FROM unnest($1::text[]) AS t(term)
                CROSS JOIN LATERAL (SELECT word, documents FROM catalog.search_words
                                    WHERE word > t.term AND word < t.term || chr(1114111) ORDER BY word LIMIT {ISearchVocabulary.MaxPrefixed}) x
            UNION ALL
            SELECT w.word, w.word, w.documents, 'k' FROM catalog.search_words w WHERE w.word = ANY($1::text[])
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = words.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var similar = words.ToDictionary(w => w, _ => new List<VocabularyWord>(), StringComparer.Ordinal);
        var prefixed = words.ToDictionary(w => w, _ => new List<string>(), StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var term = reader.GetString(0);
                switch (reader.GetString(3))
                {
                    case "s":
                        similar[term].Add(new VocabularyWord(reader.GetString(1), reader.GetInt32(2)));
                        break;
                    case "p":
                        prefixed[term].Add(reader.GetString(1));
                        break;
                    default:
                        known.Add(term);
                        break;
                }
            }
        }
        return words.ToDictionary(w => w, w => new WordLookup(known.Contains(w), similar[w], prefixed[w].Order(StringComparer.Ordinal).ToList()), StringComparer.Ordinal);
    }

    private static readonly Comparison<FacetCount> FacetOrder = (a, b) =>
        b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value);

    private async Task<Dictionary<Guid, (Product Product, BookRatingSummary? Rating)>> HitsAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        var hits = new Dictionary<Guid, (Product, BookRatingSummary?)>();
        if (ids.Length == 0)
            return hits;
        await using var command = dataSource.CreateCommand(SelectHits);
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ratingColumn = reader.FieldCount - 3;
        while (await reader.ReadAsync(cancellationToken))
        {
            var product = PostgresCatalogStore.Read(reader);
            var rating = reader.IsDBNull(ratingColumn) || reader.GetInt32(ratingColumn) == 0
                ? null
                : new BookRatingSummary(product.Sku, reader.GetInt32(ratingColumn), reader.GetInt32(ratingColumn + 1), [.. reader.GetFieldValue<int[]>(ratingColumn + 2)]);
            hits[product.Id] = (product, rating);
        }
        return hits;
    }
}
