using System.Collections.Immutable;

namespace K8Shop.Contracts.Cart;

/// <summary>A cart line as shoppers see it: the catalog's unit price and the line total (quantity × price, unrounded).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.cart.CartLineView")]
public sealed record CartLineView(
    [property: Id(0)] string ProductId,
    [property: Id(1)] int Quantity,
    [property: Id(2)] decimal Price,
    [property: Id(3)] decimal Total,
    [property: Id(4)] string? Title);

/// <summary>A cart as the original cart-service answered it: lines in the order added, item count and subtotal (2 dp).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.cart.CartView")]
public sealed record CartView(
    [property: Id(0)] string UserId,
    [property: Id(1)] ImmutableArray<CartLineView> Items,
    [property: Id(2)] int ItemCount,
    [property: Id(3)] decimal Subtotal);

/// <summary>A cart's lines at one revision, for a merge into another cart.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.cart.CartSnapshot")]
public sealed record CartSnapshot(
    [property: Id(0)] Guid Revision,
    [property: Id(1)] ImmutableArray<CartLineView> Items);
