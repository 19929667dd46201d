using System.Text;

namespace K8Shop.Grains.Recommendations;

/// <summary>Units sold per SKU (upper-case) and the latest events applied, oldest first.</summary>
[GenerateSerializer, Alias("k8shop.recommendations.PopularityState")]
public sealed class PopularityState
{
    [Id(0)] public Dictionary<string, long> Units { get; set; } = [];

    /// <summary>The latest events as earlier versions stored them (two ids as text each); read once, then kept in <see cref="Applied"/>.</summary>
    [Id(1)] public List<AppliedSale> Recent { get; set; } = [];

    /// <summary>The latest events applied, oldest first, as 64-bit keys: ~25 bytes each stored instead of ~90.</summary>
    [Id(2)] public List<AppliedKey> Applied { get; set; } = [];
}

/// <summary>An event the tally applied: its message id, its order, and whether it returned units (a cancellation).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.AppliedSale")]
public sealed record AppliedSale(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] bool Returned);

/// <summary>
/// An applied event by the 64-bit FNV-1a hashes of its message id and order id (stable across processes, unlike
/// <see cref="string.GetHashCode()"/>); within a window of thousands two ids share a hash with odds of about 1 in 10^12.
/// </summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.AppliedKey")]
public readonly record struct AppliedKey(
    [property: Id(0)] ulong Message,
    [property: Id(1)] ulong Order,
    [property: Id(2)] bool Returned)
{
    public static AppliedKey Of(string messageId, string orderId, bool returned) => new(Hash(messageId), Hash(orderId), returned);

    public static ulong Hash(string text)
    {
        const ulong offset = 14695981039346656037, prime = 1099511628211;
        var hash = offset;
        foreach (var b in Encoding.UTF8.GetBytes(text))
            hash = (hash ^ b) * prime;
        return hash;
    }
}
