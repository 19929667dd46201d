using K8Shop.Contracts.Catalog;

namespace K8Shop.Gateways.Products;

/// <summary>The body of POST and PUT /products (camelCase, as the catalog). Missing required fields are reported by name.</summary>
public sealed record ProductRequest(
    string? Sku,
    string? Title,
    string? Description,
    decimal? Price,
    string? ImageUrl,
    string[]? Tags,
    int? Stock,
    string? Author,
    string? Isbn,
    int? PublishedYear)
{
    /// <summary>The draft this request describes, or every bad field with its reason.</summary>
    public (ProductDraft? Draft, Dictionary<string, string[]> Errors) ToDraft()
    {
        var errors = new Dictionary<string, string[]>();
        if (Sku is null)
            errors["sku"] = ["is required"];
        if (Title is null)
            errors["title"] = ["is required"];
        if (Price is null)
            errors["price"] = ["is required"];
        if (Tags is not null && Tags.Any(t => t is null))
            errors["tags"] = ["must not contain null"];
        if (errors.Count > 0)
            return (null, errors);

        var draft = ProductRules.Normalize(new ProductDraft(
            Sku!, Title!, Description, Price!.Value, ImageUrl, [.. Tags ?? []], Stock ?? 0, Author, Isbn, PublishedYear));
        errors = ProductRules.Validate(draft);
        return errors.Count == 0 ? (draft, errors) : (null, errors);
    }
}
