using System.Collections.Immutable;

namespace K8Shop.Grains.Recommendations;

/// <summary>What one shopper bought (SKUs, upper-case, newest order first) and the ratings they gave that are visible.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.ShopperTaste")]
public sealed record ShopperTaste(
    [property: Id(0)] ImmutableArray<string> Bought,
    [property: Id(1)] ImmutableArray<BookRating> Ratings)
{
    public static ShopperTaste Empty { get; } = new([], []);
}

/// <summary>A shopper's rating of a book (1 to 5).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.BookRating")]
public sealed record BookRating(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Rating);

/// <summary>A shopper's latest orders and reviews as events told them, oldest first, each by its id.</summary>
[GenerateSerializer, Alias("k8shop.recommendations.ShopperTasteState")]
public sealed class ShopperTasteState
{
    [Id(0)] public List<TasteOrder> Orders { get; set; } = [];

    [Id(1)] public List<TasteReview> Reviews { get; set; } = [];
}

/// <summary>An order: its SKUs, and whether it was cancelled or returned since (then it bought nothing).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.TasteOrder")]
public sealed record TasteOrder(
    [property: Id(0)] string OrderId,
    [property: Id(1)] ImmutableArray<string> Skus,
    [property: Id(2)] bool Returned);

/// <summary>A review's rating; <see cref="Removed"/> once hidden by an admin or deleted (a late "created" then changes nothing).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.TasteReview")]
public sealed record TasteReview(
    [property: Id(0)] string ReviewId,
    [property: Id(1)] string Sku,
    [property: Id(2)] int Rating,
    [property: Id(3)] bool Removed);
