using System.Text.RegularExpressions;
using K8Shop.Contracts.Rules;

namespace K8Shop.Contracts.Catalog;

/// <summary>The catalog's input rules, shared by the gateway (to answer 4xx early) and the grain (to re-check).</summary>
public static partial class ProductRules
{
    public const int MaxSkuLength = ShopLimits.Ids.MaxSkuLength;
    public const int MaxTitleLength = 300;
    public const int MaxDescriptionLength = 4000;
    public const int MaxTags = 12;
    public const int MaxTagLength = 40;
    public const int MaxUrlLength = 2048;
    public const int MaxAuthorLength = 300;
    public const int MaxSearchTextLength = 200;
    public const decimal MaxPrice = 100_000m;

    /// <summary>A SKU: letters, digits, '-', '_' and '.', starting with a letter or digit.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SkuPattern();

    public static bool IsSku(string value) => value.Length <= MaxSkuLength && SkuPattern().IsMatch(value);

    /// <summary>True when the value can name a product: a UUID or a SKU.</summary>
    public static bool IsProductId(string value) => Guid.TryParse(value, out _) || IsSku(value);

    public static readonly string ProductIdRule =
        $"must be a product UUID or a SKU (letters, digits, '-', '_' or '.', at most {MaxSkuLength} characters)";

    /// <summary>What <see cref="IsSku"/> accepts, said to a client.</summary>
    public static readonly string SkuRule = $"must be a catalog SKU (letters, digits, '-', '_' or '.', at most {MaxSkuLength} characters)";

    /// <summary>Every broken rule of a draft, by camelCase field name; empty when the draft is valid.</summary>
    public static Dictionary<string, string[]> Validate(ProductDraft draft)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string reason) => errors[field] = [reason];

        if (string.IsNullOrWhiteSpace(draft.Sku))
            Fail("sku", "is required");
        else if (!IsSku(draft.Sku))
            Fail("sku", $"must be 1-{MaxSkuLength} letters, digits, '-', '_' or '.', starting with a letter or digit");

        if (string.IsNullOrWhiteSpace(draft.Title))
            Fail("title", "is required");
        else if (draft.Title.Length > MaxTitleLength)
            Fail("title", $"must be at most {MaxTitleLength} characters");

        if (draft.Description is { Length: > MaxDescriptionLength })
            Fail("description", $"must be at most {MaxDescriptionLength} characters");

        if (draft.Price <= 0m)
            Fail("price", "must be greater than 0");
        else if (draft.Price > MaxPrice)
            Fail("price", $"must be at most {MaxPrice}");
        else if (decimal.Round(draft.Price, 2) != draft.Price)
            Fail("price", "must have at most 2 decimal places");

        if (draft.ImageUrl is { } url && !IsImageUrl(url))
            Fail("imageUrl", $"must be an absolute http(s) URL or a path starting with '/', at most {MaxUrlLength} characters");

        if (draft.Tags.IsDefault)
            Fail("tags", "must be an array (it may be empty)");
        else if (draft.Tags.Length > MaxTags)
            Fail("tags", $"must hold at most {MaxTags} tags");
        else if (draft.Tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > MaxTagLength))
            Fail("tags", $"each tag must be 1-{MaxTagLength} characters and not blank");

        if (draft.Stock is < 0 or > ShopLimits.Inventory.MaxStock)
            Fail("stock", $"must be between 0 and {ShopLimits.Inventory.MaxStock}");

        if (draft.Author is { Length: > MaxAuthorLength })
            Fail("author", $"must be at most {MaxAuthorLength} characters");

        if (draft.Isbn is { } isbn && !Isbn.IsValid(isbn))
            Fail("isbn", "must be a valid ISBN-10 or ISBN-13 (digits, optional hyphens, correct check digit)");

        if (draft.PublishedYear is { } year && (year < 1000 || year > DateTime.UtcNow.Year + 2))
            Fail("publishedYear", "must be a year between 1000 and two years from now");

        return errors;
    }

    /// <summary>Trims text fields and tags, and drops empty optional text, so equal drafts store equally.</summary>
    public static ProductDraft Normalize(ProductDraft draft) => draft with
    {
        Sku = draft.Sku.Trim(),
        Title = draft.Title.Trim(),
        Description = NullIfBlank(draft.Description),
        ImageUrl = NullIfBlank(draft.ImageUrl),
        Tags = draft.Tags.IsDefault ? [] : [.. draft.Tags.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)],
        Author = NullIfBlank(draft.Author),
        Isbn = NullIfBlank(draft.Isbn)?.Replace("-", "", StringComparison.Ordinal),
    };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsImageUrl(string url) =>
        url.Length <= MaxUrlLength
        && (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            || Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}
