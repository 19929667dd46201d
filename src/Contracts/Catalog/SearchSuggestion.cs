namespace K8Shop.Contracts.Catalog;

public enum SuggestionKind
{
    Title = 0,
    Author = 1,
}

/// <summary>A title (with its SKU) or an author whose words start with what the shopper typed.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.catalog.SearchSuggestion")]
public sealed record SearchSuggestion(
    [property: Id(0)] SuggestionKind Kind,
    [property: Id(1)] string Text,
    [property: Id(2)] string? Sku);
