using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Catalog.Search;

namespace K8Shop.Grains.Catalog.Search;

/// <summary>
/// The embedded mode's search index over the in-memory catalog, kept current by the store on every create, update and
/// delete: an inverted index from each word to the books holding it, the vocabulary with a trigram index (typos,
/// did-you-mean) in ordinal order (prefixes), and the sorted suggestion keys. Reads run in parallel, writes alone.
/// </summary>
public sealed class InMemorySearchIndex : ISearchVocabulary
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<Guid, IndexedBook> _books = [];
    // Each word's books, with the word's weight in each (field weights times occurrences): relevance without a rescan.
    private readonly Dictionary<string, Dictionary<Guid, double>> _postings = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _vocabulary = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _wordsByTrigram = new(StringComparer.Ordinal);
    private readonly SuggestionIndex _suggestions = new();
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    public InMemorySearchIndex(IEnumerable<Product> products)
    {
        var all = products.ToList();
        foreach (var product in all)
            AddBookLocked(product);
        _suggestions.AddRange(all);
    }

    /// <summary>Adds the product, or replaces the one with its id.</summary>
    public void Upsert(Product product) => Write(() =>
    {
        RemoveLocked(product.Id);
        AddLocked(product);
    });

    public void Remove(Guid id) => Write(() => RemoveLocked(id));

    /// <summary>Runs a read against a consistent index (no write in between).</summary>
    public T Read<T>(Func<IndexView, T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read(new IndexView(this));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public Task<IReadOnlyDictionary<string, WordLookup>> LookupAsync(IReadOnlyCollection<string> words, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, WordLookup>>(Read(_ => words.ToDictionary(w => w, LookupLocked, StringComparer.Ordinal)));

    private WordLookup LookupLocked(string word)
    {
        var trigrams = WordSimilarity.Trigrams(word);
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var trigram in trigrams)
        {
            if (!_wordsByTrigram.TryGetValue(trigram, out var holders))
                continue;
            foreach (var holder in holders)
                shared[holder] = shared.GetValueOrDefault(holder) + 1;
        }
        var similar = shared
            .Where(s => (double)s.Value / (trigrams.Count + WordSimilarity.Trigrams(s.Key).Count - s.Value) >= WordSimilarity.Threshold)
            .Select(s => new VocabularyWord(s.Key, _postings[s.Key].Count))
            .ToList();
        var prefixed = _vocabulary.GetViewBetween(word, word + char.MaxValue)
            .Where(w => w != word && w.StartsWith(word, StringComparison.Ordinal))
            .Take(ISearchVocabulary.MaxPrefixed)
            .ToList();
        return new WordLookup(_vocabulary.Contains(word), similar, prefixed);
    }

    private void AddLocked(Product product)
    {
        AddBookLocked(product);
        _suggestions.Add(product);
    }

    private void AddBookLocked(Product product)
    {
        var book = new IndexedBook(product, Intern);
        _books[product.Id] = book;
        foreach (var (word, weight) in book.WordWeights())
        {
            if (!_postings.TryGetValue(word, out var holders))
            {
                _postings[word] = holders = [];
                if (SearchText.IsVocabularyWord(word))
                    AddToVocabulary(word);
            }
            holders[product.Id] = weight;
        }
    }

    private void RemoveLocked(Guid id)
    {
        if (!_books.Remove(id, out var book))
            return;
        foreach (var word in book.DistinctWords)
        {
            var holders = _postings[word];
            holders.Remove(id);
            if (holders.Count > 0)
                continue;
            _postings.Remove(word);
            if (_vocabulary.Remove(word))
            {
                foreach (var trigram in WordSimilarity.Trigrams(word))
                    _wordsByTrigram[trigram].Remove(word);
            }
        }
        _suggestions.Remove(book.Product);
    }

    private void AddToVocabulary(string word)
    {
        _vocabulary.Add(word);
        foreach (var trigram in WordSimilarity.Trigrams(word))
        {
            if (!_wordsByTrigram.TryGetValue(trigram, out var words))
                _wordsByTrigram[trigram] = words = new HashSet<string>(StringComparer.Ordinal);
            words.Add(word);
        }
    }

    /// <summary>One string instance per word, so a hundred thousand books share their words' memory.</summary>
    private string Intern(string word)
    {
        if (_strings.TryGetValue(word, out var known))
            return known;
        _strings.Add(word);
        return word;
    }

    private void Write(Action write)
    {
        _lock.EnterWriteLock();
        try
        {
            write();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>What a reader may see inside <see cref="Read{T}"/>.</summary>
    public readonly struct IndexView(InMemorySearchIndex index)
    {
        public IReadOnlyCollection<IndexedBook> Books => index._books.Values;

        public IndexedBook Book(Guid id) => index._books[id];

        /// <summary>The books holding any of the words.</summary>
        public HashSet<Guid> Holding(IEnumerable<string> words)
        {
            var found = new HashSet<Guid>();
            foreach (var word in words)
            {
                if (index._postings.TryGetValue(word, out var holders))
                    found.UnionWith(holders.Keys);
            }
            return found;
        }

        /// <summary>How strongly a book holds a term: the summed weights of its words (a phrase: counted in the book).</summary>
        public double Score(Guid id, ExpandedTerm term)
        {
            if (term.Term.Kind == QueryTermKind.Phrase)
                return index._books[id].Score(term);
            var score = 0.0;
            foreach (var word in term.WordSet)
            {
                if (index._postings.TryGetValue(word, out var holders) && holders.TryGetValue(id, out var weight))
                    score += weight;
            }
            return score;
        }

        /// <summary>The books holding every word (a phrase's candidates).</summary>
        public HashSet<Guid> HoldingAll(IReadOnlyList<string> words)
        {
            var sets = new List<Dictionary<Guid, double>>();
            foreach (var word in words)
            {
                if (!index._postings.TryGetValue(word, out var holders))
                    return [];
                sets.Add(holders);
            }
            sets.Sort((a, b) => a.Count.CompareTo(b.Count));
            var found = new HashSet<Guid>(sets[0].Keys);
            foreach (var set in sets.Skip(1))
                found.RemoveWhere(id => !set.ContainsKey(id));
            return found;
        }

        public IReadOnlyList<SearchSuggestion> Suggest(string prefix, int limit) => index._suggestions.Find(prefix, limit);
    }
}
