using System.Buffers;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Catalog.Search;

namespace K8Shop.Grains.Catalog.Search;

/// <summary>
/// The embedded mode's search index over the in-memory catalog, kept current by the store on every create, update and
/// delete: an inverted index from each word to the books holding it, the vocabulary with a trigram index (typos,
/// did-you-mean) in ordinal order (prefixes), and the sorted suggestion keys. Reads run in parallel, writes alone.
/// </summary>
/// <remarks>
/// A search over a common word visits thousands of books, so each book has a slot (a small integer) and what a search
/// reads of it per match sits in one array by slot (<see cref="BookFacts"/>): postings, scores, facet counts and the
/// ordering's first keys are array reads, not a walk through each product's objects. At 100,000 books that makes a
/// search over 10,000 matches a few milliseconds instead of tens.
/// </remarks>
public sealed partial class InMemorySearchIndex : ISearchVocabulary
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<Guid, int> _slots = [];
    private readonly List<IndexedBook?> _books = [];
    private readonly Stack<int> _freeSlots = new();
    private BookFacts[] _facts = new BookFacts[1024];
    // Each word's books by slot, with the word's weight in each (field weights times occurrences): relevance without a rescan.
    private readonly Dictionary<string, Dictionary<int, double>> _postings = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _vocabulary = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _wordsByTrigram = new(StringComparer.Ordinal);
    private readonly SuggestionIndex _suggestions = new();
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly FacetValues _tags = new();
    private readonly FacetValues _authors = new();

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
        if (!_freeSlots.TryPop(out var slot))
        {
            slot = _books.Count;
            _books.Add(null);
            if (slot == _facts.Length)
                Array.Resize(ref _facts, _facts.Length * 2);
        }
        _books[slot] = book;
        _slots[product.Id] = slot;
        _facts[slot] = new BookFacts(product, book, _tags, _authors);
        foreach (var (word, weight) in book.WordWeights())
        {
            if (!_postings.TryGetValue(word, out var holders))
            {
                _postings[word] = holders = [];
                if (SearchText.IsVocabularyWord(word))
                    AddToVocabulary(word);
            }
            holders[slot] = weight;
        }
    }

    private void RemoveLocked(Guid id)
    {
        if (!_slots.Remove(id, out var slot) || _books[slot] is not { } book)
            return;
        _books[slot] = null;
        _facts[slot] = default;
        _freeSlots.Push(slot);
        foreach (var word in book.DistinctWords)
        {
            var holders = _postings[word];
            holders.Remove(slot);
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
        public int Slots => index._books.Count;

        public IndexedBook Book(int slot) => index._books[slot]!;

        public ref readonly BookFacts Facts(int slot) => ref index._facts[slot];

        public FacetValues Tags => index._tags;

        public FacetValues Authors => index._authors;

        /// <summary>
        /// The slots of the books matching the query (every group by one of its terms, no exclusion), and with
        /// <paramref name="scores"/> each one's relevance: the summed weights of the words its terms matched (a phrase:
        /// its field weights times its occurrences). <paramref name="scores"/> is rented; the caller returns it.
        /// </summary>
        public List<int> Match(ExpandedQuery query, out double[] scores)
        {
            var slots = Slots;
            scores = ArrayPool<double>.Shared.Rent(Math.Max(slots, 1));
            Array.Clear(scores, 0, slots);
            var matches = new List<int>();
            if (query.Groups.IsEmpty)
            {
                for (var slot = 0; slot < slots; slot++)
                {
                    if (index._facts[slot].Live)
                        matches.Add(slot);
                }
                RemoveExcluded(matches, query);
                return matches;
            }

            // groups[slot] counts the groups matched so far, in order: a book matches group g only if it matched all before.
            var groups = ArrayPool<int>.Shared.Rent(slots);
            Array.Clear(groups, 0, slots);
            try
            {
                var touched = new List<int>();
                var scoring = scores;
                for (var g = 0; g < query.Groups.Length; g++)
                {
                    var group = g;
                    void Hit(int slot, double weight)
                    {
                        scoring[slot] += weight;
                        if (groups[slot] != group)
                            return;
                        groups[slot] = group + 1;
                        if (group == 0)
                            touched.Add(slot);
                    }

                    foreach (var term in query.Groups[g])
                    {
                        if (term.Term.Kind == QueryTermKind.Phrase)
                        {
                            foreach (var slot in HoldingPhrase(term.Words))
                                Hit(slot, Book(slot).Score(term));
                            continue;
                        }
                        foreach (var word in term.WordSet)
                        {
                            if (!index._postings.TryGetValue(word, out var holders))
                                continue;
                            foreach (var (slot, weight) in holders)
                                Hit(slot, weight);
                        }
                    }
                }
                var all = query.Groups.Length;
                foreach (var slot in touched)
                {
                    if (groups[slot] == all)
                        matches.Add(slot);
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(groups);
            }
            RemoveExcluded(matches, query);
            return matches;
        }

        public IReadOnlyList<SearchSuggestion> Suggest(string prefix, int limit) => index._suggestions.Find(prefix, limit);

        private void RemoveExcluded(List<int> matches, ExpandedQuery query)
        {
            if (query.Exclusions.IsEmpty)
                return;
            var excluded = new HashSet<int>();
            foreach (var exclusion in query.Exclusions)
            {
                if (exclusion.Kind == QueryTermKind.Phrase)
                {
                    excluded.UnionWith(HoldingPhrase(exclusion.Words));
                    continue;
                }
                foreach (var word in exclusion.Words)
                {
                    if (index._postings.TryGetValue(word, out var holders))
                        excluded.UnionWith(holders.Keys);
                }
            }
            matches.RemoveAll(excluded.Contains);
        }

        /// <summary>The books holding the phrase's words next to each other, in order, in some field.</summary>
        private IEnumerable<int> HoldingPhrase(IReadOnlyList<string> words)
        {
            var sets = new List<Dictionary<int, double>>();
            foreach (var word in words)
            {
                if (!index._postings.TryGetValue(word, out var holders))
                    return [];
                sets.Add(holders);
            }
            sets.Sort((a, b) => a.Count.CompareTo(b.Count));
            var books = index._books;
            return sets[0].Keys.Where(slot => sets.Skip(1).All(s => s.ContainsKey(slot)) && books[slot]!.HasPhrase(words)).ToList();
        }
    }
}
