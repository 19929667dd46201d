namespace K8Shop.Grains.Catalog.Search;

/// <summary>
/// How alike two words are: pg_trgm's similarity (shared trigrams over all trigrams of the two, each word padded with
/// two spaces before and one after), so memory and PostgreSQL pick the same candidates, and the edit distance that
/// then decides.
/// </summary>
public static class WordSimilarity
{
    /// <summary>pg_trgm's default <c>similarity_threshold</c>, the <c>%</c> operator's cut.</summary>
    public const double Threshold = 0.3;

    public static HashSet<string> Trigrams(string word)
    {
        var padded = "  " + word + " ";
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= padded.Length; i++)
            set.Add(padded.Substring(i, 3));
        return set;
    }

    public static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>Edits (insert, delete, replace, swap of neighbours) allowed for a typo in a word this long.</summary>
    public static int AllowedEdits(int length) => length switch
    {
        < 4 => 0,
        < 7 => 1,
        _ => 2,
    };

    /// <summary>Optimal string alignment distance (Levenshtein plus transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
