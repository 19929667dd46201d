using K8Shop.Contracts.Recommendations;
using K8Shop.Contracts.Rules;

namespace K8Shop.Grains.Recommendations;

/// <summary>Section <c>Recommendations</c>; the original's <c>REC_STRATEGY</c> and <c>REC_LIMIT</c> are read when a key is unset.</summary>
public sealed class RecommendationOptions
{
    public const string SectionName = "Recommendations";

    /// <summary>The strategy when a request names none: <c>popular</c>, <c>related</c> or <c>personalized</c>.</summary>
    public string Strategy { get; set; } = RecommendationStrategies.Popular;

    /// <summary>How many books when a request gives no whole number (1 to <see cref="RecommendationInput.MaxLimit"/>).</summary>
    public int Limit { get; set; } = 5;

    /// <summary>How long a silo reuses the catalog's books and the sales ranking before reading them again.</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many recent order events the sales ranking remembers, to count a redelivered one once.</summary>
    public int RememberedEvents { get; set; } = 2_000;

    /// <summary>
    /// Least time between two writes of the sales ranking. Its state holds the remembered events (~50 KB at 2,000),
    /// so one write per confirmed order would cost PostgreSQL megabytes a second; events that arrive meanwhile share
    /// the next write, and each is acknowledged once that write succeeded.
    /// </summary>
    public TimeSpan WriteInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many of a user's latest orders <c>personalized</c> reads.</summary>
    public int OrdersRead { get; set; } = 20;

    /// <summary>How far back "Popular now" counts confirmed sales: whole days, 1 to 90.</summary>
    public TimeSpan PopularWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Distinct orders confirmed inside the window (and not cancelled) before "Popular now" appears at all.</summary>
    public int PopularMinOrders { get; set; } = 3;

    /// <summary>Books a home shelf needs to appear (fewer: the shelf is left out).</summary>
    public int ShelfMinItems { get; set; } = 4;

    /// <summary>Books a home shelf shows at most.</summary>
    public int ShelfSize { get; set; } = 8;

    /// <summary>Latest buyers each book remembers, for "bought together" and shoppers with similar purchases.</summary>
    public int BuyersRemembered { get; set; } = 100;

    /// <summary>Latest orders and ratings each shopper's taste remembers.</summary>
    public int TasteRemembered { get; set; } = 50;

    /// <summary>Other shoppers one personal recommendation reads at most (each one grain call).</summary>
    public int SimilarShoppersRead { get; set; } = 40;

    public int PopularWindowDays => (int)PopularWindow.TotalDays;

    public void Validate()
    {
        var strategy = Strategy?.ToLowerInvariant() ?? "";
        if (!RecommendationStrategies.IsKnown(strategy))
            throw new InvalidOperationException($"Recommendations:Strategy (or REC_STRATEGY) is '{Strategy}'; use popular, related or personalized.");
        if (Limit is < 1 or > RecommendationInput.MaxLimit)
            throw new InvalidOperationException($"Recommendations:Limit (or REC_LIMIT) is {Limit}; use 1 to {RecommendationInput.MaxLimit}.");
        if (CacheTtl < TimeSpan.Zero)
            throw new InvalidOperationException("Recommendations:CacheTtl must not be negative.");
        if (WriteInterval < TimeSpan.Zero)
            throw new InvalidOperationException("Recommendations:WriteInterval must not be negative.");
        if (RememberedEvents < 1 || OrdersRead < 1)
            throw new InvalidOperationException("Recommendations:RememberedEvents and Recommendations:OrdersRead must be positive.");
        if (PopularWindow < TimeSpan.FromDays(1) || PopularWindow > TimeSpan.FromDays(90) || PopularWindow.Ticks % TimeSpan.TicksPerDay != 0)
            throw new InvalidOperationException($"Recommendations:PopularWindow is {PopularWindow}; use whole days from 1.00:00:00 to 90.00:00:00.");
        if (PopularMinOrders < 1)
            throw new InvalidOperationException("Recommendations:PopularMinOrders must be at least 1.");
        if (ShelfMinItems < 1 || ShelfSize < ShelfMinItems || ShelfSize > ShopLimits.Recommendations.MaxShelfItems)
            throw new InvalidOperationException(
                $"Recommendations:ShelfMinItems is {ShelfMinItems} and ShelfSize {ShelfSize}; use 1 <= ShelfMinItems <= ShelfSize <= {ShopLimits.Recommendations.MaxShelfItems}.");
        if (BuyersRemembered < 1 || TasteRemembered < 1 || SimilarShoppersRead < 1)
            throw new InvalidOperationException("Recommendations:BuyersRemembered, TasteRemembered and SimilarShoppersRead must be positive.");
    }
}
