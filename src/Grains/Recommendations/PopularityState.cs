using System.Text;

namespace K8Shop.Grains.Recommendations;

/// <summary>
/// Units sold per SKU (upper-case), all time and per UTC day of the recent window, and the latest events applied, oldest
/// first. State stored before the window existed reads with no days (and its remembered events with day 0, "outside any
/// window"): its all-time units stay, and "popular now" starts from the first sale after the upgrade.
/// </summary>
[GenerateSerializer, Alias("k8shop.recommendations.PopularityState")]
public sealed class PopularityState
{
    [Id(0)] public Dictionary<string, long> Units { get; set; } = [];

    /// <summary>The latest events as earlier versions stored them (two ids as text each); read once, then kept in <see cref="Applied"/>.</summary>
    [Id(1)] public List<AppliedSale> Recent { get; set; } = [];

    /// <summary>The latest events applied, oldest first, as 64-bit keys: ~25 bytes each stored instead of ~90.</summary>
    [Id(2)] public List<AppliedKey> Applied { get; set; } = [];

    /// <summary>Sales per UTC day (<see cref="DateOnly.DayNumber"/>) inside the window; older days are dropped.</summary>
    [Id(3)] public Dictionary<int, DaySales> Days { get; set; } = [];
}

/// <summary>One day's confirmed sales, less what was cancelled since: units per SKU and how many orders.</summary>
[GenerateSerializer, Alias("k8shop.recommendations.DaySales")]
public sealed class DaySales
{
    [Id(0)] public Dictionary<string, long> Units { get; set; } = [];

    [Id(1)] public int Orders { get; set; }

    public DaySales Copy() => new() { Units = new Dictionary<string, long>(Units, Units.Comparer), Orders = Orders };
}

/// <summary>An event an earlier version applied: its message id, its order, and whether it returned units (a cancellation).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.AppliedSale")]
public sealed record AppliedSale(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] bool Returned);

/// <summary>
/// An applied event by the 64-bit FNV-1a hashes of its message id and order id (stable across processes, unlike
/// <see cref="string.GetHashCode()"/>); within a window of thousands two ids share a hash with odds of about 1 in 10^12.
/// <see cref="Day"/> is the day bucket a confirmation was counted in (0: none, outside the window or stored before it).
/// </summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.AppliedKey")]
public readonly record struct AppliedKey(
    [property: Id(0)] ulong Message,
    [property: Id(1)] ulong Order,
    [property: Id(2)] bool Returned,
    [property: Id(3)] int Day = 0)
{
    public static AppliedKey Of(string messageId, string orderId, bool returned, int day = 0) => new(Hash(messageId), Hash(orderId), returned, day);

    public static ulong Hash(string text)
    {
        const ulong offset = 14695981039346656037, prime = 1099511628211;
        var hash = offset;
        foreach (var b in Encoding.UTF8.GetBytes(text))
            hash = (hash ^ b) * prime;
        return hash;
    }
}
