using System.Globalization;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Catalog.Search;
using K8Shop.Contracts.Rules;

namespace K8Shop.Gateways.Catalog;

/// <summary>
/// Turns the catalog's query string into a <see cref="CatalogQuery"/> with the original's leniency (a
/// non-numeric min or max is ignored, as JavaScript's Number() gave NaN) and clear errors for what the
/// original never accepted (over-long text, bad paging or sort).
/// </summary>
public static class CatalogQueryParser
{
    public static readonly IReadOnlyDictionary<string, CatalogSort> Sorts = new Dictionary<string, CatalogSort>(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = CatalogSort.Title,
        ["price"] = CatalogSort.PriceAscending,
        ["-price"] = CatalogSort.PriceDescending,
        ["price_desc"] = CatalogSort.PriceDescending,
        ["newest"] = CatalogSort.Newest,
        ["rating"] = CatalogSort.Rating,
    };

    /// <summary>The parsed query, or the bad fields with reasons; <paramref name="paged"/> says whether paging was asked for.</summary>
    public static (CatalogQuery? Query, Dictionary<string, string[]> Errors, bool Paged) Parse(
        string? q, string? tag, string? min, string? max, string? sort, string? page, string? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        var text = Text(q);
        if (text is { Length: > ProductRules.MaxSearchTextLength })
            errors["q"] = [$"must be at most {ProductRules.MaxSearchTextLength} characters"];
        var tagText = Text(tag);
        if (tagText is { Length: > ProductRules.MaxTagLength })
            errors["tag"] = [$"must be at most {ProductRules.MaxTagLength} characters (no tag is longer)"];

        var order = CatalogSort.Title;
        if (Text(sort) is { } sortText && !Sorts.TryGetValue(sortText, out order))
            errors["sort"] = [$"must be one of: {string.Join(", ", Sorts.Keys)}"];

        var paged = !string.IsNullOrWhiteSpace(page) || !string.IsNullOrWhiteSpace(pageSize);
        var pageNumber = PositiveInt(page, "page", 1, ShopLimits.Paging.MaxPage, errors) ?? 1;
        var size = PositiveInt(pageSize, "pageSize", 1, ShopLimits.Paging.MaxPageSize, errors) ?? ShopLimits.Paging.DefaultPageSize;

        if (errors.Count > 0)
            return (null, errors, paged);
        return (new CatalogQuery(text, tagText, Price(min), Price(max), order, pageNumber, paged ? size : null), errors, paged);
    }

    /// <summary>Trimmed like the original; null when empty. Repeated parameters arrive joined with commas, as String(array) did.</summary>
    public static string? Text(string? value)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>JavaScript's Number(x): absent, empty or NaN means no filter; out-of-range clamps.</summary>
    public static decimal? Price(string? value)
    {
        if (Text(value) is not { } text)
            return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsNaN(number))
            return null;
        return number switch
        {
            >= (double)decimal.MaxValue => decimal.MaxValue,
            <= (double)decimal.MinValue => decimal.MinValue,
            _ => (decimal)number,
        };
    }

    private static int? PositiveInt(string? values, string field, int min, int max, Dictionary<string, string[]> errors)
    {
        if (Text(values) is not { } text)
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors[field] = [$"must be a whole number from {min} to {max}"];
        return null;
    }
}
