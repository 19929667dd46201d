using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Catalog.Search;

namespace K8Shop.Grains.Catalog.Search;

/// <summary>
/// Suggestions by prefix: every title and every author under each of its keys (<see cref="SearchText.SuggestionKeys"/>),
/// in two arrays sorted by key, so a lookup is a binary search and a short walk. PostgreSQL keeps the same keys in
/// B-tree indexes and answers with the same rule (<see cref="Merge"/>).
/// </summary>
public sealed class SuggestionIndex
{
    private readonly List<TitleKey> _titles = [];
    private readonly List<AuthorKey> _authors = [];

    /// <summary>Indexes many products at once (a catalog loaded at start): one sort instead of an insert each.</summary>
    public void AddRange(IEnumerable<Product> products)
    {
        var authors = _authors.ToDictionary(a => (a.Key, a.Text), a => a.Books);
        foreach (var product in products)
        {
            _titles.AddRange(SearchText.SuggestionKeys(product.Title).Select(key => new TitleKey(key, product.Title, product.Sku)));
            if (product.Author is { Length: > 0 } author)
            {
                foreach (var key in SearchText.SuggestionKeys(author))
                    authors[(key, author)] = authors.GetValueOrDefault((key, author)) + 1;
            }
        }
        _titles.Sort(TitleKey.Order);
        _authors.Clear();
        _authors.AddRange(authors.Select(a => new AuthorKey(a.Key.Key, a.Key.Text, a.Value)));
        _authors.Sort(AuthorKey.Order);
    }

    public void Add(Product product)
    {
        foreach (var key in SearchText.SuggestionKeys(product.Title))
        {
            var entry = new TitleKey(key, product.Title, product.Sku);
            var at = _titles.BinarySearch(entry, TitleKey.Order);
            _titles.Insert(at < 0 ? ~at : at, entry);
        }
        if (product.Author is not { Length: > 0 } author)
            return;
        foreach (var key in SearchText.SuggestionKeys(author))
        {
            var at = _authors.BinarySearch(new AuthorKey(key, author, 0), AuthorKey.Order);
            if (at >= 0)
                _authors[at] = _authors[at] with { Books = _authors[at].Books + 1 };
            else
                _authors.Insert(~at, new AuthorKey(key, author, 1));
        }
    }

    public void Remove(Product product)
    {
        foreach (var key in SearchText.SuggestionKeys(product.Title))
        {
            var at = _titles.BinarySearch(new TitleKey(key, product.Title, product.Sku), TitleKey.Order);
            if (at >= 0)
                _titles.RemoveAt(at);
        }
        if (product.Author is not { Length: > 0 } author)
            return;
        foreach (var key in SearchText.SuggestionKeys(author))
        {
            var at = _authors.BinarySearch(new AuthorKey(key, author, 0), AuthorKey.Order);
            if (at < 0)
                continue;
            if (_authors[at].Books > 1)
                _authors[at] = _authors[at] with { Books = _authors[at].Books - 1 };
            else
                _authors.RemoveAt(at);
        }
    }

    public IReadOnlyList<SearchSuggestion> Find(string typed, int limit)
    {
        var prefix = SearchText.SuggestionPrefix(typed);
        if (prefix.Length == 0 || limit <= 0)
            return [];
        var titles = Walk(_titles, new TitleKey(prefix, "", ""), TitleKey.Order, t => t.Key, prefix, TitleRows(limit));
        var authors = Walk(_authors, new AuthorKey(prefix, "", 0), AuthorKey.Order, a => a.Key, prefix, limit);
        return Merge(
            titles.Select(t => (t.Key, new SearchSuggestion(SuggestionKind.Title, t.Text, t.Sku))),
            authors.Select(a => (a.Key, new SearchSuggestion(SuggestionKind.Author, a.Text, null))),
            limit);
    }

    /// <summary>Title rows read per lookup: a title listed under two SKUs counts once, so some spare.</summary>
    public static int TitleRows(int limit) => limit * 2;

    /// <summary>
    /// The answer from the first <see cref="TitleRows"/> title keys and the first <c>limit</c> author keys at or after
    /// the prefix: by key, authors before titles on the same key, each text once, at most <c>limit</c>.
    /// </summary>
    public static IReadOnlyList<SearchSuggestion> Merge(
        IEnumerable<(string Key, SearchSuggestion Suggestion)> titles, IEnumerable<(string Key, SearchSuggestion Suggestion)> authors, int limit) =>
        authors.Concat(titles)
            .OrderBy(r => r.Key, StringComparer.Ordinal).ThenByDescending(r => r.Suggestion.Kind)
            .ThenBy(r => r.Suggestion.Text, StringComparer.Ordinal).ThenBy(r => r.Suggestion.Sku, StringComparer.Ordinal)
            .Select(r => r.Suggestion)
            .DistinctBy(s => (s.Kind, s.Text))
            .Take(limit)
            .ToList();

    private static List<T> Walk<T>(List<T> sorted, T probe, IComparer<T> order, Func<T, string> key, string prefix, int take)
    {
        var at = sorted.BinarySearch(probe, order);
        var found = new List<T>();
        for (var i = at < 0 ? ~at : at; i < sorted.Count && found.Count < take && key(sorted[i]).StartsWith(prefix, StringComparison.Ordinal); i++)
            found.Add(sorted[i]);
        return found;
    }

    private sealed record TitleKey(string Key, string Text, string Sku)
    {
        public static readonly IComparer<TitleKey> Order = Comparer<TitleKey>.Create((a, b) =>
        {
            var c = string.CompareOrdinal(a.Key, b.Key);
            if (c == 0)
                c = string.CompareOrdinal(a.Text, b.Text);
            return c != 0 ? c : string.CompareOrdinal(a.Sku, b.Sku);
        });
    }

    private sealed record AuthorKey(string Key, string Text, int Books)
    {
        public static readonly IComparer<AuthorKey> Order = Comparer<AuthorKey>.Create((a, b) =>
        {
            var c = string.CompareOrdinal(a.Key, b.Key);
            return c != 0 ? c : string.CompareOrdinal(a.Text, b.Text);
        });
    }
}
