using K8Shop.Contracts.Catalog;

namespace K8Shop.Grains.Catalog.Search;

/// <summary>What the index keeps of each book for the searches' per-match work: its facts by slot and the facet codes.</summary>
public sealed partial class InMemorySearchIndex
{
    /// <summary>
    /// What a search reads of a book for every match, by slot: the facet values as codes, the filters' values and the
    /// ordering's keys. <see cref="TitlePrefix"/> holds the lower-cased title's first four UTF-16 units, so most title
    /// comparisons end on one integer.
    /// </summary>
    public readonly struct BookFacts
    {
        public BookFacts(Product product, IndexedBook book, FacetValues tags, FacetValues authors)
        {
            Live = true;
            Tags = [.. product.Tags.Select(tags.Code)];
            Author = product.Author is { } author ? authors.Code(author) : -1;
            Band = PriceBands.IndexOf(product.Price);
            InStock = product.Stock > 0;
            Price = product.Price;
            Year = product.PublishedYear;
            CreatedTicks = product.CreatedAt.UtcTicks;
            var key = book.TitleKey;
            for (var i = 0; i < 4; i++)
                TitlePrefix = (TitlePrefix << 16) | (i < key.Length ? key[i] : 0UL);
        }

        public bool Live { get; }

        public int[] Tags { get; }

        /// <summary>The author's code; -1 for a book without one.</summary>
        public int Author { get; }

        /// <summary>The price band's position in <see cref="PriceBands.All"/>.</summary>
        public int Band { get; }

        public bool InStock { get; }

        public decimal Price { get; }

        public int? Year { get; }

        public long CreatedTicks { get; }

        public ulong TitlePrefix { get; }
    }

    /// <summary>Facet values (tags, authors) as small integers, each exact spelling its own, never reused.</summary>
    public sealed class FacetValues
    {
        private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> _byFolded = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _values = [];

        public int Count => _values.Count;

        public string this[int code] => _values[code];

        public int Code(string value)
        {
            if (_codes.TryGetValue(value, out var code))
                return code;
            code = _values.Count;
            _values.Add(value);
            _codes[value] = code;
            if (!_byFolded.TryGetValue(value, out var spellings))
                _byFolded[value] = spellings = [];
            spellings.Add(code);
            return code;
        }

        /// <summary>The codes of every spelling equal to <paramref name="value"/> ignoring case (a filter's values).</summary>
        public IReadOnlyList<int> Matching(string value) => _byFolded.TryGetValue(value, out var codes) ? codes : [];
    }
}
