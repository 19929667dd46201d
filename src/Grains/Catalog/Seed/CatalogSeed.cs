using System.Collections.Immutable;
using System.Text.Json;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Ids;

namespace K8Shop.Grains.Catalog.Seed;

/// <summary>
/// The books every new shop starts with: the original six (same SKUs, titles, prices, tags and stock) and
/// a bookstore's worth more. Both stores load the same list, and seeded products get the same UUIDs in
/// every store and every run, so links stay valid across restarts of embedded mode.
/// </summary>
public static class CatalogSeed
{
    private const string ResourceName = "K8Shop.Catalog.Seed.books.json";

    // A fixed namespace for name-based (version 5) UUIDs of seeded SKUs.
    private static readonly Guid SeedNamespace = new("6f1c7d9e-3a52-4b8e-9d0a-5b2f4c8e1a70");

    private static readonly Lazy<IReadOnlyList<ProductDraft>> Books = new(Read);

    /// <summary>The seed as drafts, in file order.</summary>
    public static IReadOnlyList<ProductDraft> Load() => Books.Value;

    /// <summary>The product a seeded draft becomes, with its stable id.</summary>
    public static Product ToProduct(ProductDraft d, DateTimeOffset at) =>
        new(IdFor(d.Sku), d.Sku, d.Title, d.Description, d.Price, d.ImageUrl, d.Tags, d.Stock, d.Author, d.Isbn, d.PublishedYear, at, at);

    /// <summary>The UUID a seeded SKU always gets (RFC 9562 version 5, SHA-1 of namespace and upper-cased SKU).</summary>
    public static Guid IdFor(string sku) => NameBasedGuid.Create(SeedNamespace, sku.ToUpperInvariant());

    /// <summary>Books from a JSON file in the seed's shape (the search benchmark's generated catalog).</summary>
    public static IReadOnlyList<ProductDraft> LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    private static IReadOnlyList<ProductDraft> Read()
    {
        using var stream = typeof(CatalogSeed).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The catalog seed resource '{ResourceName}' is missing from the build.");
        return Read(stream);
    }

    private static IReadOnlyList<ProductDraft> Read(Stream stream)
    {
        var books = JsonSerializer.Deserialize<List<SeedBook>>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The catalog seed is empty.");
        return [.. books.Select(b => new ProductDraft(
            b.Sku, b.Title, b.Description, b.Price, b.ImageUrl, [.. b.Tags], b.Stock, b.Author, b.Isbn, b.PublishedYear))];
    }

    private sealed record SeedBook(
        string Sku, string Title, string? Author, string? Isbn, string? Description, decimal Price,
        ImmutableArray<string> Tags, int Stock, int? PublishedYear, string? ImageUrl);
}
