namespace K8Shop.Grains.Catalog.Search;

/// <summary>A word of the index's vocabulary and in how many products it occurs.</summary>
public sealed record VocabularyWord(string Word, int Documents);

/// <summary>
/// What the vocabulary knows about one query word: whether it is a word of the catalog, the words with pg_trgm
/// similarity of at least <see cref="WordSimilarity.Threshold"/>, and the first words (ordinal order) that start with it.
/// </summary>
public sealed record WordLookup(bool Known, IReadOnlyList<VocabularyWord> Similar, IReadOnlyList<string> Prefixed);

/// <summary>The words of every indexed product (<see cref="SearchText.IsVocabularyWord"/>), kept current on writes.</summary>
public interface ISearchVocabulary
{
    /// <summary>At most this many words starting with a query word are returned per word.</summary>
    const int MaxPrefixed = 8;

    Task<IReadOnlyDictionary<string, WordLookup>> LookupAsync(IReadOnlyCollection<string> words, CancellationToken cancellationToken);
}
