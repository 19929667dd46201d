using System.Collections.Frozen;
using System.Collections.Immutable;
using K8Shop.Contracts.Catalog.Search;

namespace K8Shop.Grains.Catalog.Search;

/// <summary>A query term with every word that may stand for it (the word itself, its typo fixes, longer words it starts).</summary>
public sealed record ExpandedTerm(QueryTerm Term, ImmutableArray<string> Words)
{
    public FrozenSet<string> WordSet { get; } = Words.ToFrozenSet(StringComparer.Ordinal);
}

/// <summary>
/// A shopper's query after the vocabulary was consulted, the same for every store: what each store then matches,
/// which words the highlights mark, and a better spelling of the query when one exists.
/// </summary>
public sealed record ExpandedQuery(
    ImmutableArray<ImmutableArray<ExpandedTerm>> Groups,
    ImmutableArray<QueryTerm> Exclusions,
    string? Correction)
{
    /// <summary>Typo fixes kept per word, the nearest first.</summary>
    public const int MaxTypoFixes = 4;

    /// <summary>Words shorter than this are not widened to longer words that start with them.</summary>
    public const int MinPrefixLength = 4;

    public bool IsEmpty => Groups.IsEmpty && Exclusions.IsEmpty;

    /// <summary>Every word a match may have been found by: what the highlights mark.</summary>
    public ImmutableHashSet<string> MatchWords { get; } =
        Groups.SelectMany(g => g).SelectMany(t => t.Words).ToImmutableHashSet(StringComparer.Ordinal);

    public static async Task<ExpandedQuery> ExpandAsync(ShopperQuery query, ISearchVocabulary vocabulary, CancellationToken cancellationToken)
    {
        var words = query.PositiveTerms.Where(t => t.Kind == QueryTermKind.Word && SearchText.IsVocabularyWord(t.Words[0]))
            .Select(t => t.Words[0]).Distinct(StringComparer.Ordinal).ToList();
        var lookups = words.Count == 0
            ? new Dictionary<string, WordLookup>()
            : await vocabulary.LookupAsync(words, cancellationToken);

        var groups = query.Groups.Select(g => g.Select(t => Expand(t, lookups)).ToImmutableArray()).ToImmutableArray();
        return new ExpandedQuery(groups, query.Exclusions, Correct(query, lookups));
    }

    private static ExpandedTerm Expand(QueryTerm term, IReadOnlyDictionary<string, WordLookup> lookups)
    {
        if (term.Kind != QueryTermKind.Word || !lookups.TryGetValue(term.Words[0], out var lookup))
            return new ExpandedTerm(term, term.Words);
        var word = term.Words[0];
        var set = new List<string> { word };
        if (!lookup.Known)
            set.AddRange(Nearest(word, lookup.Similar, WordSimilarity.AllowedEdits(word.Length)).Take(MaxTypoFixes));
        if (word.Length >= MinPrefixLength)
            set.AddRange(lookup.Prefixed);
        return new ExpandedTerm(term, [.. set.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The query with each unknown word replaced by its nearest vocabulary word; null when none has one.</summary>
    private static string? Correct(ShopperQuery query, IReadOnlyDictionary<string, WordLookup> lookups)
    {
        var corrected = false;
        string Word(QueryTerm term)
        {
            if (term.Kind == QueryTermKind.Word && lookups.TryGetValue(term.Words[0], out var lookup) && !lookup.Known
                && Nearest(term.Words[0], lookup.Similar, WordSimilarity.AllowedEdits(term.Words[0].Length) + 1).FirstOrDefault() is { } better)
            {
                corrected = true;
                return better;
            }
            return Render(term);
        }

        var text = string.Join(' ', query.Groups.Select(g => string.Join(" or ", g.Select(Word)))
            .Concat(query.Exclusions.Select(e => "-" + Render(e))));
        return corrected ? text : null;
    }

    private static string Render(QueryTerm term) => term.Kind switch
    {
        QueryTermKind.Phrase or QueryTermKind.Exact => "\"" + string.Join(' ', term.Words) + "\"",
        _ => term.Words[0],
    };

    /// <summary>Vocabulary words within the edits, nearest first, then the most frequent, then ordinal.</summary>
    private static IEnumerable<string> Nearest(string word, IReadOnlyList<VocabularyWord> similar, int maxEdits) =>
        similar.Where(s => s.Word != word)
            .Select(s => (s.Word, s.Documents, Distance: WordSimilarity.Distance(word, s.Word)))
            .Where(s => s.Distance <= maxEdits)
            .OrderBy(s => s.Distance).ThenByDescending(s => s.Documents).ThenBy(s => s.Word, StringComparer.Ordinal)
            .Select(s => s.Word);
}
