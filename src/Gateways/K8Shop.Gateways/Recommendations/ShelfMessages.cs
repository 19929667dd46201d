using K8Shop.Contracts.Recommendations;
using K8Shop.Gateways.Catalog;

namespace K8Shop.Gateways.Recommendations;

/// <summary><c>GET /recommendations/shelves</c>: the shelves that have enough books, in display order.</summary>
public sealed record ShelvesResponse(IReadOnlyList<ShelfResponse> Shelves)
{
    public static ShelvesResponse From(ShelvesResult result) => new([.. result.Shelves.Select(ShelfResponse.From)]);
}

/// <summary>One shelf: <c>id</c> (popular-now, best-sellers, new-arrivals, recently-viewed, because-you-bought, top-rated), what the shopper reads, and the books as the catalog answers them.</summary>
public sealed record ShelfResponse(string Id, string Title, string Reason, IReadOnlyList<ProductResponse> Items)
{
    public static ShelfResponse From(Shelf shelf) => new(shelf.Id, shelf.Title, shelf.Reason, [.. shelf.Items.Select(ProductResponse.From)]);
}

/// <summary>
/// <c>POST /recommendations/viewed</c>: the book viewed, by SKU or catalog UUID. <c>userId</c> is for <c>Auth:Mode=open</c>
/// (no token); with a token it may be left out, and naming another shopper is refused.
/// </summary>
public sealed record ViewedRequest(string? ProductId, string? UserId);
