using System.Globalization;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Catalog.Search;
using K8Shop.Contracts.Rules;

namespace K8Shop.Gateways.Catalog;

/// <summary>Reads <c>/catalog/search</c>'s and <c>/catalog/suggest</c>'s query strings, naming each bad field and why.</summary>
public static class SearchQueryParser
{
    public static readonly IReadOnlyDictionary<string, SearchSort> Sorts = new Dictionary<string, SearchSort>(StringComparer.OrdinalIgnoreCase)
    {
        ["relevance"] = SearchSort.Relevance,
        ["title"] = SearchSort.Title,
        ["price"] = SearchSort.PriceAscending,
        ["-price"] = SearchSort.PriceDescending,
        ["newest"] = SearchSort.Newest,
        ["rating"] = SearchSort.Rating,
    };

    public sealed record SearchParameters(
        string? Q, string? Tag, string? Author, string? PriceBand, string? InStock, string? Min, string? Max,
        string? Sort, string? Page, string? PageSize);

    public static (BookSearchQuery? Query, Dictionary<string, string[]> Errors) ParseSearch(SearchParameters p)
    {
        var errors = new Dictionary<string, string[]>();
        var text = CatalogQueryParser.Text(p.Q);
        if (text is { Length: > ShopLimits.Search.MaxQueryLength })
            errors["q"] = [$"must be at most {ShopLimits.Search.MaxQueryLength} characters"];
        else if (ShopperQuery.Parse(text).TermCount > ShopLimits.Search.MaxQueryTerms)
            errors["q"] = [$"must hold at most {ShopLimits.Search.MaxQueryTerms} words, phrases or exclusions"];

        var tag = CatalogQueryParser.Text(p.Tag);
        if (tag is { Length: > ProductRules.MaxTagLength })
            errors["tag"] = [$"must be at most {ProductRules.MaxTagLength} characters (no tag is longer)"];
        var author = CatalogQueryParser.Text(p.Author);
        if (author is { Length: > ProductRules.MaxAuthorLength })
            errors["author"] = [$"must be at most {ProductRules.MaxAuthorLength} characters"];
        var band = CatalogQueryParser.Text(p.PriceBand);
        if (band is not null && !PriceBands.IsBand(band))
            errors["priceBand"] = [$"must be one of: {string.Join(", ", PriceBands.All.Select(b => b.Name))}"];

        bool? inStock = CatalogQueryParser.Text(p.InStock) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Fail(errors, "inStock", "must be true or false"),
        };
        var min = Price(p.Min, "min", errors);
        var max = Price(p.Max, "max", errors);
        if (min is { } low && max is { } high && low > high)
            errors["max"] = ["must not be less than min"];

        var sort = text is null ? SearchSort.Title : SearchSort.Relevance;
        if (CatalogQueryParser.Text(p.Sort) is { } sortText && !Sorts.TryGetValue(sortText, out sort))
            errors["sort"] = [$"must be one of: {string.Join(", ", Sorts.Keys)}"];
        var page = WholeNumber(p.Page, "page", ShopLimits.Paging.MaxPage, errors) ?? 1;
        var pageSize = WholeNumber(p.PageSize, "pageSize", ShopLimits.Search.MaxPageSize, errors) ?? ShopLimits.Search.DefaultPageSize;

        return errors.Count > 0
            ? (null, errors)
            : (new BookSearchQuery(text, tag, author, band, inStock, min, max, sort, page, pageSize), errors);
    }

    public static (string Prefix, int Limit, Dictionary<string, string[]> Errors) ParseSuggest(string? q, string? limit)
    {
        var errors = new Dictionary<string, string[]>();
        var prefix = q?.Trim() ?? string.Empty;
        if (prefix.Length > ShopLimits.Search.MaxSuggestLength)
            errors["q"] = [$"must be at most {ShopLimits.Search.MaxSuggestLength} characters"];
        var count = WholeNumber(limit, "limit", ShopLimits.Search.MaxSuggestLimit, errors) ?? ShopLimits.Search.DefaultSuggestLimit;
        return (prefix, count, errors);
    }

    private static bool? Fail(Dictionary<string, string[]> errors, string field, string reason)
    {
        errors[field] = [reason];
        return null;
    }

    private static decimal? Price(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (CatalogQueryParser.Text(value) is not { } text)
            return null;
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price) && price <= ProductRules.MaxPrice)
            return price;
        errors[field] = [$"must be a number from 0 to {ProductRules.MaxPrice}"];
        return null;
    }

    private static int? WholeNumber(string? value, string field, int max, Dictionary<string, string[]> errors)
    {
        if (CatalogQueryParser.Text(value) is not { } text)
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
            return number;
        errors[field] = [$"must be a whole number from 1 to {max}"];
        return null;
    }
}
