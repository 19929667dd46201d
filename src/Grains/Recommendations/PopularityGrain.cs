using K8Shop.Contracts.Recommendations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8Shop.Grains.Recommendations;

/// <summary>
/// The shop's sales ranking (one grain, key 0), all time and per day of the recent window. Each applied event is
/// stored before the call returns, so a delivery that failed is retried and still counted once; reads interleave and
/// see the latest applied event. Calls interleave (reentrant) so that events arriving while a write is in flight share
/// the next write (<see cref="CoalescedWrites"/>): one grain keeps up with the whole shop's confirmations instead of
/// writing its state once per order. Events are applied to a working copy; each write stores a snapshot of it, so
/// nothing changes the state while the storage serializes it. The day comes from the silo's <see cref="TimeProvider"/>.
/// </summary>
[Orleans.Concurrency.Reentrant]
public sealed partial class PopularityGrain : Grain, IPopularityGrain
{
    private readonly IPersistentState<PopularityState> _state;
    private readonly IOptions<RecommendationOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<PopularityGrain> _logger;
    private readonly CoalescedWrites _writes;
    private SalesRanking? _ranking;
    private PopularityState? _working;

    public PopularityGrain(
        [PersistentState("popularity", RecommendationStorage.Name)] IPersistentState<PopularityState> state,
        IOptions<RecommendationOptions> options,
        TimeProvider clock,
        ILogger<PopularityGrain> logger)
    {
        (_state, _options, _clock, _logger) = (state, options, clock, logger);
        _writes = new CoalescedWrites(WriteAsync, () => options.Value.WriteInterval, clock);
    }

    public async Task<bool> RecordAsync(SalesRecord sale)
    {
        var settings = _options.Value;
        // Applied within this turn: interleaved calls never see half an event.
        if (!SalesTally.Apply(Working, sale, settings.RememberedEvents, _clock.GetUtcNow(), settings.PopularWindowDays))
        {
            LogSkipped(sale.MessageId, sale.OrderId);
            return false;
        }
        _ranking = null;
        await _writes.CommitAsync();
        return true;
    }

    /// <summary>Stores everything applied so far; started only when no write is in flight, so the last snapshot is no longer in use.</summary>
    private async Task WriteAsync()
    {
        _state.State = Snapshot(Working);
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            // The tally in memory is ahead of the store: start over from the store on the next call.
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<SalesRanking> GetRankingAsync() => Task.FromResult(_ranking ??= SalesTally.Rank(Working));

    public Task<RecentSales> GetRecentAsync() =>
        Task.FromResult(SalesTally.Recent(Working, _clock.GetUtcNow(), _options.Value.PopularWindowDays));

    /// <summary>What events change: the stored state as loaded, then ahead of it by the events not yet written.</summary>
    private PopularityState Working => _working ??= Snapshot(_state.State);

    private static PopularityState Snapshot(PopularityState from) => new()
    {
        Units = new Dictionary<string, long>(from.Units, from.Units.Comparer),
        Recent = [.. from.Recent],
        Applied = [.. from.Applied],
        Days = from.Days.ToDictionary(d => d.Key, d => d.Value.Copy()),
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order event {MessageId} of order {OrderId} already counted or not a sale; skipped")]
    private partial void LogSkipped(string messageId, string orderId);
}
