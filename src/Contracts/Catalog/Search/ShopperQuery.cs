using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Rules;

namespace K8Shop.Contracts.Catalog.Search;

public enum QueryTermKind
{
    /// <summary>A bare word: typos and longer words starting with it match too.</summary>
    Word = 0,

    /// <summary>A quoted single word: only itself.</summary>
    Exact = 1,

    /// <summary>Words that must stand next to each other in this order (quoted, or one token like "BOOK-001").</summary>
    Phrase = 2,

    /// <summary>An ISBN; <see cref="QueryTerm.Words"/> holds its ISBN-13 and ISBN-10 forms.</summary>
    Isbn = 3,
}

/// <summary>One thing the shopper asked for: a word, a phrase or an ISBN.</summary>
public sealed record QueryTerm(QueryTermKind Kind, ImmutableArray<string> Words);

/// <summary>
/// The shopper's syntax, parsed once for every store: words and "quoted phrases" must all match (in any order), <c>or</c>
/// between two of them lets either match, <c>-word</c> or <c>-"a phrase"</c> excludes. <c>or</c> binds tighter than the
/// implicit and, as in web search engines: <c>refactoring fowler or beck</c> is refactoring and (fowler or beck).
/// </summary>
public sealed record ShopperQuery(ImmutableArray<ImmutableArray<QueryTerm>> Groups, ImmutableArray<QueryTerm> Exclusions)
{
    public bool IsEmpty => Groups.IsEmpty && Exclusions.IsEmpty;

    /// <summary>Terms and exclusions, for <see cref="ShopLimits.Search.MaxQueryTerms"/>.</summary>
    public int TermCount => Groups.Sum(g => g.Length) + Exclusions.Length;

    public IEnumerable<QueryTerm> PositiveTerms => Groups.SelectMany(g => g);

    /// <summary>The query cut to <see cref="ShopLimits.Search.MaxQueryTerms"/> (the gateway refuses longer ones; a grain re-checks).</summary>
    public ShopperQuery Bounded()
    {
        if (TermCount <= ShopLimits.Search.MaxQueryTerms)
            return this;
        var left = ShopLimits.Search.MaxQueryTerms;
        var groups = ImmutableArray.CreateBuilder<ImmutableArray<QueryTerm>>();
        foreach (var group in Groups)
        {
            if (left <= 0)
                break;
            var kept = group.Take(left).ToImmutableArray();
            groups.Add(kept);
            left -= kept.Length;
        }
        return new ShopperQuery(groups.ToImmutable(), [.. Exclusions.Take(Math.Max(0, left))]);
    }

    public static ShopperQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new ShopperQuery([], []);
        // A whole query that is one ISBN written with hyphens or spaces.
        if (Isbn.Forms(text.Trim()) is { Count: > 0 } forms)
            return new ShopperQuery([[new QueryTerm(QueryTermKind.Isbn, [.. forms])]], []);

        var groups = new List<List<QueryTerm>>();
        var exclusions = new List<QueryTerm>();
        var orPending = false;
        foreach (var (chunk, quoted, negated) in Chunks(text))
        {
            if (!quoted && !negated && chunk.Equals("or", StringComparison.OrdinalIgnoreCase))
            {
                orPending = groups.Count > 0;
                continue;
            }
            if (Term(chunk, quoted) is not { } term)
                continue;
            if (negated)
                exclusions.Add(term);
            else if (orPending)
                groups[^1].Add(term);
            else
                groups.Add([term]);
            orPending = false;
        }
        return new ShopperQuery([.. groups.Select(g => g.ToImmutableArray())], [.. exclusions]);
    }

    private static QueryTerm? Term(string chunk, bool quoted)
    {
        if (!quoted && Isbn.Forms(chunk) is { Count: > 0 } forms)
            return new QueryTerm(QueryTermKind.Isbn, [.. forms]);
        var words = SearchText.Words(chunk).ToImmutableArray();
        return words.Length switch
        {
            0 => null,
            1 => new QueryTerm(quoted ? QueryTermKind.Exact : QueryTermKind.Word, words),
            _ => new QueryTerm(QueryTermKind.Phrase, words),
        };
    }

    /// <summary>Whitespace-separated chunks; a quote runs to the next quote (or the end); a leading '-' negates.</summary>
    private static IEnumerable<(string Chunk, bool Quoted, bool Negated)> Chunks(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var negated = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (negated)
                i++;
            if (text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0)
                    end = text.Length;
                yield return (text[(i + 1)..end], true, negated);
                i = end + 1;
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
                i++;
            yield return (text[start..i], false, negated);
        }
    }
}
