using System.Collections.Frozen;
using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;

namespace K8Shop.Grains.Recommendations;

/// <summary>A book as ranking needs it; <see cref="Tags"/> and <see cref="Authors"/> are lower-cased; <see cref="Product"/> as the catalog answered it (with stock).</summary>
public sealed record CatalogBook(
    Guid Id, string Sku, string Title, decimal Price, string? ImageUrl, ImmutableArray<string> Tags, ImmutableArray<string> Authors, Product Product)
{
    public bool InStock => Product.Stock > 0;

    public static CatalogBook From(Product p) => new(
        p.Id, p.Sku, p.Title, p.Price, string.IsNullOrEmpty(p.ImageUrl) ? null : p.ImageUrl,
        [.. p.Tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct()],
        [.. (p.Author ?? "").Split([',', '&', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => a.ToLowerInvariant()).Distinct()],
        p);
}

/// <summary>The whole catalog at one moment (about 160 books), in title order, found by UUID or SKU and by tag.</summary>
public sealed class CatalogIndex
{
    private readonly FrozenDictionary<Guid, CatalogBook> _byId;
    private readonly FrozenDictionary<string, CatalogBook> _bySku;

    public CatalogIndex(IEnumerable<CatalogBook> books)
    {
        Books = [.. books.OrderBy(b => b.Title, StringComparer.OrdinalIgnoreCase).ThenBy(b => b.Sku, StringComparer.OrdinalIgnoreCase)];
        _byId = Books.ToFrozenDictionary(b => b.Id);
        _bySku = Books.DistinctBy(b => b.Sku, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(b => b.Sku, StringComparer.OrdinalIgnoreCase);
        ByTag = Books.SelectMany(b => b.Tags.Select(t => (Tag: t, Book: b)))
            .GroupBy(x => x.Tag)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Book).ToImmutableArray());
    }

    public static CatalogIndex Empty { get; } = new([]);

    /// <summary>Every book, by title (case-insensitive), then SKU.</summary>
    public ImmutableArray<CatalogBook> Books { get; }

    /// <summary>The books carrying each tag, in title order.</summary>
    public FrozenDictionary<string, ImmutableArray<CatalogBook>> ByTag { get; }

    /// <summary>A book by its UUID (any format <see cref="Guid"/> parses) or its SKU (any case).</summary>
    public CatalogBook? Find(string idOrSku) =>
        Guid.TryParse(idOrSku, out var id)
            ? _byId.GetValueOrDefault(id)
            : _bySku.GetValueOrDefault(idOrSku.Trim());
}
