using System.Text;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Catalog.Search;
using K8Shop.Contracts.Rules;
using K8Shop.Grains.Catalog.Search;
using Npgsql;
using NpgsqlTypes;

namespace K8Shop.Silo.Catalog;

/// <summary>
/// The search statement for one query: the matches (<c>m</c>) by full-text search with their rank, then in one round
/// trip the requested page of ids, the total, and each facet's counts with every other filter applied.
/// </summary>
public sealed class SearchSql
{
    private const string TitleOrder = "m.title_key, m.title COLLATE \"C\", m.sku COLLATE \"C\"";

    private readonly List<NpgsqlParameter> _parameters = [];

    public SearchSql(BookSearchQuery query, ExpandedQuery expanded)
    {
        var tsquery = TsQuery(expanded);
        // Only what the page's order, the filters and the facets read: a match's row is copied once and read four times.
        var matches = new StringBuilder("""
            WITH m AS MATERIALIZED (
                SELECT p.id, p.sku, p.title, p.title_key, p.author, p.tags, p.price, p.in_stock,
            """);
        // ts_rank: each matched word's field weight (A 1.0, B 0.4, C 0.2) by how often it occurs, as the in-memory index
        // scores; ts_rank_cd's cover density cost four times as much per match and ranked no test case differently.
        // Only the relevance order reads it: another order leaves each match unranked.
        matches.Append(tsquery is not null && query.Sort == SearchSort.Relevance ? " ts_rank(p.search_vector, q.q) AS rank" : " 0::real AS rank");
        if (query.Sort == SearchSort.Newest)
            matches.Append(", p.published_year, p.created_at");
        if (query.Sort == SearchSort.Rating)
            matches.Append(", r.rating_count, r.rating_sum");
        // The tag filter (any case, on the stored lower-case copy), read once per match here rather than in every branch
        // below that applies it.
        if (query.Tag is { Length: > 0 } t)
            matches.Append($", p.tags_key @> ARRAY[lower({Param(t)})] AS tagged");
        matches.Append("""

                FROM
            """).Append(Matching(tsquery));
        if (query.Sort == SearchSort.Rating)
            matches.Append(" LEFT JOIN catalog.book_ratings r ON r.sku = p.sku");
        matches.Append(')');

        var tag = query.Tag is { Length: > 0 } ? "m.tagged" : null;
        var author = query.Author is { Length: > 0 } a ? $"lower(m.author) = lower({Param(a)})" : null;
        var band = Band(query.PriceBand);
        var stock = query.InStock is { } inStock ? $"m.in_stock = {Add(inStock, NpgsqlDbType.Boolean)}" : null;
        var price = string.Join(" AND ", new[]
        {
            query.MinPrice is { } min ? $"m.price >= {Add(min, NpgsqlDbType.Numeric)}" : null,
            query.MaxPrice is { } max ? $"m.price <= {Add(max, NpgsqlDbType.Numeric)}" : null,
        }.OfType<string>());
        static string? And(params string?[] conditions) =>
            conditions.Where(c => !string.IsNullOrEmpty(c)).ToList() is { Count: > 0 } all ? string.Join(" AND ", all) : null;
        static string Where(params string?[] conditions) => And(conditions) is { } all ? " WHERE " + all : string.Empty;
        static string Count(string? condition) => condition is null ? "count(*)" : $"count(*) FILTER (WHERE {condition})";

        var all = Where(tag, author, band, stock, price);
        var order = Order(query.Sort, tsquery is not null);
        var facetLimit = ShopLimits.Search.MaxFacetValues;
        // The total, the price bands and in stock in one pass over the matches (grouping sets), each counting the
        // matches its own filters admit; a band or stock value no admitted match has is left out, as a group would be.
        // The tags unnest in the select list (a projection), which costs a third of a lateral join to unnest().
        Text = $"""
            {matches}
            (SELECT 'hit', m.id::text, row_number() OVER (ORDER BY {order}) FROM (SELECT * FROM m{all} ORDER BY {order}
             LIMIT {Add(query.PageSize, NpgsqlDbType.Integer)} OFFSET {Add(query.Skip, NpgsqlDbType.Integer)}) m)
            UNION ALL (SELECT 'tags', f.tag, count(*) FROM (SELECT unnest(m.tags) AS tag FROM m{Where(author, band, stock, price)}) f
                       GROUP BY f.tag ORDER BY count(*) DESC, f.tag COLLATE "C" LIMIT {facetLimit})
            UNION ALL (SELECT 'authors', m.author, count(*) FROM m{Where("m.author IS NOT NULL", tag, band, stock, price)}
                       GROUP BY m.author ORDER BY count(*) DESC, m.author COLLATE "C" LIMIT {facetLimit})
            UNION ALL (SELECT * FROM (
                SELECT CASE WHEN GROUPING(m.band) = 0 THEN 'priceBands' WHEN GROUPING(m.in_stock) = 0 THEN 'inStock' ELSE 'total' END AS kind,
                       COALESCE(m.band, m.in_stock::text),
                       CASE WHEN GROUPING(m.band) = 0 THEN {Count(And(tag, author, stock, price))}
                            WHEN GROUPING(m.in_stock) = 0 THEN {Count(And(tag, author, band, price))}
                            ELSE {Count(And(tag, author, band, stock, price))} END AS n
                FROM (SELECT m.*, {BandOf()} AS band FROM m) m
                GROUP BY GROUPING SETS ((m.band), (m.in_stock), ())) g WHERE g.n > 0 OR g.kind = 'total')
            """;
    }

    public string Text { get; }

    /// <summary>
    /// What any search on PostgreSQL's full-text search pays at least for the query: finding its matches in the GIN
    /// index and visiting each one's row (the benchmark's floor, against which it weighs the whole statement).
    /// </summary>
    public static SearchSql MatchCount(ExpandedQuery expanded) => new(expanded);

    private SearchSql(ExpandedQuery expanded)
    {
        Text = "SELECT count(*) FROM " + Matching(TsQuery(expanded));
    }

    /// <summary>
    /// The products that match (<c>p</c>), the tsquery (<c>q.q</c>) built once per execution: the silo prepares the
    /// statements it runs often, and a prepared statement's generic plan would otherwise parse the shopper's query again
    /// for every match it ranks (at 11,000 matches 57 ms instead of 18).
    /// </summary>
    private static string Matching(string? tsquery) => tsquery is null
        ? " catalog.products p"
        : $" (SELECT {tsquery} AS q OFFSET 0) q JOIN catalog.products p ON p.search_vector @@ q.q";

    public NpgsqlParameter[] Parameters => [.. _parameters];

    /// <summary>
    /// The shopper's query as tsquery: each group a <c>websearch_to_tsquery</c> of its terms joined by <c>or</c> (a word with
    /// its typo fixes and longer forms, a phrase quoted, an ISBN in both forms), the groups and the exclusions AND-ed.
    /// </summary>
    private string? TsQuery(ExpandedQuery expanded)
    {
        var parts = expanded.Groups
            .Select(g => string.Join(" or ", g.SelectMany(t => Websearch(t.Term.Kind, t.Words))))
            .Concat(expanded.Exclusions.SelectMany(e => Websearch(e.Kind, e.Words)).Select(w => "-" + w))
            .Select(text => $"websearch_to_tsquery('simple', {Param(text)})")
            .ToList();
        return parts.Count == 0 ? null : "(" + string.Join(" && ", parts) + ")";
    }

    private static IEnumerable<string> Websearch(QueryTermKind kind, IEnumerable<string> words) =>
        kind == QueryTermKind.Phrase ? ["\"" + string.Join(' ', words) + "\""] : words;

    private string? Band(string? name)
    {
        if (PriceBands.All.FirstOrDefault(b => b.Name == name) is not { Name: not null } band)
            return null;
        var lower = $"m.price >= {Add(band.Min, NpgsqlDbType.Numeric)}";
        return band.Max is { } max ? $"{lower} AND m.price < {Add(max, NpgsqlDbType.Numeric)}" : lower;
    }

    private static string BandOf() =>
        "CASE " + string.Concat(PriceBands.All.Where(b => b.Max is not null).Select(b => FormattableString.Invariant($"WHEN m.price < {b.Max} THEN '{b.Name}' ")))
        + $"ELSE '{PriceBands.All[^1].Name}' END";

    private static string Order(SearchSort sort, bool hasText) => sort switch
    {
        SearchSort.Relevance when hasText => "m.rank DESC, " + TitleOrder,
        SearchSort.PriceAscending => "m.price, " + TitleOrder,
        SearchSort.PriceDescending => "m.price DESC, " + TitleOrder,
        SearchSort.Newest => "m.published_year DESC NULLS LAST, m.created_at DESC, " + TitleOrder,
        SearchSort.Rating => "m.rating_sum::float8 / NULLIF(m.rating_count, 0) DESC NULLS LAST, COALESCE(m.rating_count, 0) DESC, " + TitleOrder,
        _ => TitleOrder,
    };

    private string Param(string value) => Add(value, NpgsqlDbType.Text);

    private string Add(object value, NpgsqlDbType type)
    {
        _parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
        return "$" + _parameters.Count;
    }
}
