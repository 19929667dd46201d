using System.Collections.Immutable;

namespace K8Shop.Grains.Cart;

/// <summary>One line as stored: the canonical SKU, quantity and the catalog price when it was last added.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.cart.CartLine")]
public sealed record CartLine(
    [property: Id(0)] string ProductId,
    [property: Id(1)] int Quantity,
    [property: Id(2)] decimal Price,
    [property: Id(3)] string? Title);

/// <summary>
/// A cart as persisted. <see cref="Revision"/> changes with every change (a fresh GUID, never reused), so a merge
/// can tell "the guest cart I already took" from "new lines in it". <see cref="MergedGuests"/> remembers the
/// last guest revisions taken, so a retried merge adds nothing twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("k8shop.cart.CartState")]
public sealed record CartState
{
    public const int MergeMemory = 20;

    public static CartState Empty { get; } = new();

    [Id(0)]
    public ImmutableList<CartLine> Lines { get; init; } = [];

    [Id(1)]
    public Guid Revision { get; init; }

    [Id(2)]
    public DateTimeOffset LastModified { get; init; }

    [Id(3)]
    public ImmutableList<MergedGuest> MergedGuests { get; init; } = [];

    public bool IsEmpty => Lines.IsEmpty;
}

/// <summary>A guest cart taken into this one, at the revision it was taken.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.cart.MergedGuest")]
public sealed record MergedGuest(
    [property: Id(0)] string GuestId,
    [property: Id(1)] Guid Revision);
