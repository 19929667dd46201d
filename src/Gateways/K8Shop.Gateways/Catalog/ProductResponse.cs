using System.Globalization;
using System.Text.Json.Serialization;
using K8Shop.Contracts.Catalog;

namespace K8Shop.Gateways.Catalog;

/// <summary>
/// A product as the original catalog-service emitted it (same names, order, null and omission rules), plus
/// fields the original lacked: author, isbn, publishedYear and a cover served by this gateway.
/// </summary>
public sealed record ProductResponse(
    string Id,
    string Sku,
    string Title,
    string? Description,
    decimal Price,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ImageUrl,
    IReadOnlyList<string> Tags,
    int Stock,
    string UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Author,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Isbn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PublishedYear,
    string CoverUrl)
{
    public static ProductResponse From(Product p) => new(
        p.Id.ToString("D"),
        p.Sku,
        p.Title,
        p.Description,
        Money.Minimal(p.Price),
        string.IsNullOrEmpty(p.ImageUrl) ? null : p.ImageUrl,
        p.Tags,
        p.Stock,
        Timestamps.JavaScriptIso(p.UpdatedAt),
        p.Author,
        p.Isbn,
        p.PublishedYear,
        Covers.CoverApi.PathFor(p.Sku));
}

/// <summary>The listing shape: the original's <c>items</c> and <c>count</c>, plus paging fields only when paging was asked for.</summary>
public sealed record CatalogListResponse(
    IReadOnlyList<ProductResponse> Items,
    int Count,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Total = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Page = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PageSize = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TotalPages = null);

public static class Money
{
    /// <summary>Drops trailing zeros (38.50 becomes 38.5) so prices serialize as JavaScript did.</summary>
    public static decimal Minimal(decimal value) => value / 1.0000000000000000000000000000m;
}

public static class Timestamps
{
    /// <summary>UTC with milliseconds and Z, as JavaScript's toISOString writes it.</summary>
    public static string JavaScriptIso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
