namespace K8Shop.Contracts.Catalog.Search;

/// <summary>A word of a text: lower-cased, with where it stands in the original (UTF-16 offsets).</summary>
public readonly record struct TextToken(string Word, int Start, int Length);

/// <summary>
/// How search cuts text into words, the same for the index, the query and the highlights: runs of letters and digits,
/// lower-cased (PostgreSQL's parser cuts the same places for ordinary text). Words of at least three letters and nothing
/// else make the vocabulary that typos and prefixes are looked up in.
/// </summary>
public static class SearchText
{
    public const int MinVocabularyWordLength = 3;

    public static List<TextToken> Tokenize(string? text)
    {
        var tokens = new List<TextToken>();
        if (string.IsNullOrEmpty(text))
            return tokens;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                tokens.Add(new TextToken(text[start..i].ToLowerInvariant(), start, i - start));
                start = -1;
            }
        }
        return tokens;
    }

    public static IEnumerable<string> Words(string? text) => Tokenize(text).Select(t => t.Word);

    /// <summary>True for a word typos and prefixes may be corrected to or from: letters only, at least three.</summary>
    public static bool IsVocabularyWord(string word) => word.Length >= MinVocabularyWordLength && word.All(char.IsLetter);

    /// <summary>The keys a suggestion is found by: the text's words from each word on, joined by single spaces.</summary>
    public static IEnumerable<string> SuggestionKeys(string text)
    {
        var words = Words(text).ToList();
        for (var i = 0; i < words.Count; i++)
            yield return string.Join(' ', words.Skip(i));
    }

    /// <summary>What was typed, as a key prefix: its words joined by single spaces (a trailing partial word included).</summary>
    public static string SuggestionPrefix(string typed) => string.Join(' ', Words(typed));
}
