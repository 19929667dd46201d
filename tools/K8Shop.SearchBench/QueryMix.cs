namespace K8Shop.SearchBench;

/// <summary>The requests the benchmark sends, drawn from the generated books themselves so that they find something.</summary>
public sealed class QueryMix(IReadOnlyList<GeneratedBook> books, int seed)
{
    public static readonly string[] SearchKinds = ["word", "author", "typo", "phrase", "facet"];

    private readonly Random _random = new(seed);

    /// <summary>The next search, in turn a single word, an author, a typo, a quoted phrase and a word with facet filters.</summary>
    public (string Kind, string PathAndQuery) NextSearch(long n)
    {
        var kind = SearchKinds[n % SearchKinds.Length];
        var book = books[_random.Next(books.Count)];
        var words = TitleWords(book);
        var word = words[_random.Next(words.Length)];
        var query = kind switch
        {
            "author" => _random.Next(2) == 0 ? book.Author : book.Author.Split(' ')[^1],
            "typo" => Typo(words.OrderByDescending(w => w.Length).First()),
            "phrase" => words.Length > 1 ? $"\"{string.Join(' ', words.Skip(_random.Next(words.Length - 1)).Take(2))}\"" : word,
            _ => word,
        };
        var path = "/catalog/search?q=" + Uri.EscapeDataString(query);
        if (kind == "facet")
            path += "&tag=" + Uri.EscapeDataString(book.Tags[0]) + "&inStock=true";
        return (kind, path);
    }

    /// <summary>The search a request path asks for (the floor measure runs it in process).</summary>
    public static K8Shop.Contracts.Catalog.BookSearchQuery Parse(string pathAndQuery)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://search.invalid"), pathAndQuery).Query);
        return new K8Shop.Contracts.Catalog.BookSearchQuery(query["q"], Tag: query["tag"], InStock: query["inStock"] is { } inStock ? bool.Parse(inStock) : null);
    }

    /// <summary>What a shopper has typed so far: the first letters of a title word or an author's name.</summary>
    public string NextSuggest()
    {
        var book = books[_random.Next(books.Count)];
        var source = _random.Next(3) == 0 ? book.Author : TitleWords(book)[0];
        var typed = source[..Math.Min(source.Length, _random.Next(2, 7))];
        return "/catalog/suggest?q=" + Uri.EscapeDataString(typed.ToLowerInvariant());
    }

    /// <summary>
    /// The title's words a shopper would search by: the generator's title patterns' joining words ("the", "and", "when")
    /// are left out. Nobody searches a bookstore for "the", and as a query it matches nine books in ten, which measures
    /// counting the whole catalog rather than finding books.
    /// </summary>
    private static string[] TitleWords(GeneratedBook book) =>
        book.Title.Split([' ', ':', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3 && w.All(char.IsLetter)).Select(w => w.ToLowerInvariant()).Where(w => !JoiningWords.Contains(w))
            .DefaultIfEmpty("book").ToArray();

    private static readonly HashSet<string> JoiningWords = ["the", "and", "for", "when", "was"];

    /// <summary>One slip: two neighbouring letters swapped, or one letter dropped.</summary>
    private string Typo(string word)
    {
        if (word.Length < 5)
            return word;
        var at = _random.Next(1, word.Length - 1);
        return _random.Next(2) == 0
            ? word[..at] + word[at + 1] + word[at] + word[(at + 2)..]
            : word[..at] + word[(at + 1)..];
    }
}
