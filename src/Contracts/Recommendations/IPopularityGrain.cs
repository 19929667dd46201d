namespace K8Shop.Contracts.Recommendations;

/// <summary>
/// Units sold per SKU, over the whole shop (key 0) and in a recent window of days, fed by order events: a confirmed
/// order adds its lines, a cancelled one takes them back. Each event counts once, however often it is delivered.
/// </summary>
public interface IPopularityGrain : IGrainWithIntegerKey
{
    /// <summary>Applies one order event's lines; an event whose message id was already applied changes nothing.</summary>
    Task<bool> RecordAsync(SalesRecord sale);

    /// <summary>Units sold per SKU, most sold first.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<SalesRanking> GetRankingAsync();

    /// <summary>Units sold per SKU by orders confirmed within the recent window (and not cancelled since), with how many orders that is.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<RecentSales> GetRecentAsync();
}
