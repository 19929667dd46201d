using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Catalog.Search;

namespace K8Shop.Grains.Catalog.Search;

/// <summary>A product as the in-memory index holds it: its words per field, each field with its weight.</summary>
public sealed class IndexedBook
{
    /// <summary>ts_rank's default weights: A (title, author, ISBN, SKU) 1.0, B (tags) 0.4, C (description) 0.2.</summary>
    public static readonly double[] FieldWeights = [1.0, 1.0, 1.0, 1.0, 0.4, 0.2];

    public IndexedBook(Product product, Func<string, string> intern)
    {
        Product = product;
        TitleKey = product.Title.ToLowerInvariant();
        Fields =
        [
            Words(product.Title, intern),
            Words(product.Author, intern),
            product.Isbn is { Length: > 0 } isbn ? [intern(Isbn.Compact(isbn))] : [],
            Words(product.Sku, intern),
            Words(string.Join(' ', product.Tags), intern),
            Words(product.Description, intern),
        ];
    }

    public Product Product { get; }

    /// <summary>Title, author, ISBN, SKU, tags, description: each field's words in order.</summary>
    public string[][] Fields { get; }

    public IEnumerable<string> DistinctWords => Fields.SelectMany(f => f).Distinct(StringComparer.Ordinal);

    /// <summary>The product's title as titles sort: lower-cased (computed once, not per search).</summary>
    public string TitleKey { get; }

    /// <summary>Each distinct word with its weight in this book: the field weights of every occurrence, summed.</summary>
    public Dictionary<string, double> WordWeights()
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var f = 0; f < Fields.Length; f++)
        {
            foreach (var word in Fields[f])
                weights[word] = weights.GetValueOrDefault(word) + FieldWeights[f];
        }
        return weights;
    }

    /// <summary>How strongly the term is in this book: per field, its weight times the times the term occurs there.</summary>
    public double Score(ExpandedTerm term)
    {
        var score = 0.0;
        for (var f = 0; f < Fields.Length; f++)
            score += FieldWeights[f] * Occurrences(Fields[f], term);
        return score;
    }

    /// <summary>True when some field holds the phrase's words next to each other, in order.</summary>
    public bool HasPhrase(IReadOnlyList<string> words) => Fields.Any(f => PhraseCount(f, words) > 0);

    private static int Occurrences(string[] field, ExpandedTerm term)
    {
        if (term.Term.Kind == QueryTermKind.Phrase)
            return PhraseCount(field, term.Words);
        var count = 0;
        foreach (var word in field)
        {
            if (term.WordSet.Contains(word))
                count++;
        }
        return count;
    }

    private static int PhraseCount(string[] field, IReadOnlyList<string> words)
    {
        var count = 0;
        for (var i = 0; i + words.Count <= field.Length; i++)
        {
            var j = 0;
            while (j < words.Count && field[i + j] == words[j])
                j++;
            if (j == words.Count)
                count++;
        }
        return count;
    }

    private static string[] Words(string? text, Func<string, string> intern) => [.. SearchText.Words(text).Select(intern)];
}
