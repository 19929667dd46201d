using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Catalog.Search;

namespace K8Shop.Grains.Catalog.Search;

/// <summary>
/// Where a product holds the words its match was found by, field by field, as UTF-16 ranges into the values the
/// product is returned with. Computed here for every store, so memory and PostgreSQL answer the same shape.
/// </summary>
public static class SearchHighlighter
{
    public static ImmutableArray<SearchHighlight> For(Product product, ExpandedQuery query)
    {
        var words = query.MatchWords;
        if (words.IsEmpty)
            return [];
        var highlights = ImmutableArray.CreateBuilder<SearchHighlight>();
        void Add(string field, string? value, string? tag = null)
        {
            var ranges = SearchText.Tokenize(value).Where(t => words.Contains(t.Word)).Select(t => new TextRange(t.Start, t.Length)).ToImmutableArray();
            if (!ranges.IsEmpty)
                highlights.Add(new SearchHighlight(field, tag, ranges));
        }

        Add("title", product.Title);
        Add("author", product.Author);
        Add("description", product.Description);
        if (product.Isbn is { Length: > 0 } isbn && words.Contains(Isbn.Compact(isbn)))
            highlights.Add(new SearchHighlight("isbn", null, [new TextRange(0, isbn.Length)]));
        Add("sku", product.Sku);
        foreach (var tag in product.Tags)
            Add("tags", tag, tag);
        return highlights.ToImmutable();
    }
}
