using K8Shop.Contracts.Recommendations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8Shop.Grains.Recommendations;

/// <summary>
/// The shop's sales ranking (one grain, key 0). Each applied event is stored before the call returns, so a delivery
/// that failed is retried and still counted once; reads interleave and see the latest applied event. Calls
/// interleave (reentrant) so that events arriving while a write is in flight share the next write: one grain keeps
/// up with the whole shop's confirmations instead of writing its state once per order. Events are applied to a
/// working copy; each write stores a snapshot of it, so nothing changes the state while the storage serializes it.
/// Writes are at least <see cref="RecommendationOptions.WriteInterval"/> apart: the state is large (it remembers the
/// latest events), and at a busy shop's rate every event would otherwise get a write of its own.
/// </summary>
[Orleans.Concurrency.Reentrant]
public sealed partial class PopularityGrain(
    [PersistentState("popularity", RecommendationStorage.Name)] IPersistentState<PopularityState> state,
    IOptions<RecommendationOptions> options,
    TimeProvider clock,
    ILogger<PopularityGrain> logger) : Grain, IPopularityGrain
{
    private SalesRanking? _ranking;
    private PopularityState? _working;

    // Changes applied in memory, and how many of them a finished write holds; one write at a time.
    private long _applied;
    private long _stored;
    private Task? _writing;
    private long _lastWriteStarted;

    public async Task<bool> RecordAsync(SalesRecord sale)
    {
        // Applied within this turn: interleaved calls never see half an event.
        if (!SalesTally.Apply(Working, sale, options.Value.RememberedEvents))
        {
            LogSkipped(sale.MessageId, sale.OrderId);
            return false;
        }
        _ranking = null;
        var mine = ++_applied;
        while (_stored < mine)
        {
            if (_writing is null || _writing.IsCompleted)
                _writing = WriteAsync();
            await _writing;
        }
        return true;
    }

    /// <summary>Stores everything applied so far; callers whose change came later wait for the next write.</summary>
    private async Task WriteAsync()
    {
        var wait = options.Value.WriteInterval - clock.GetElapsedTime(_lastWriteStarted);
        if (_lastWriteStarted != 0 && wait > TimeSpan.Zero)
            await Task.Delay(wait, clock);
        _lastWriteStarted = clock.GetTimestamp();
        // Read after the wait: events applied meanwhile ride along.
        var covered = _applied;
        // Started only when no write is in flight, so the state the last write serialized is no longer in use.
        state.State = Snapshot(Working);
        try
        {
            await state.WriteStateAsync();
            _stored = covered;
        }
        catch
        {
            // The tally in memory is ahead of the store: start over from the store on the next call.
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<SalesRanking> GetRankingAsync() => Task.FromResult(_ranking ??= SalesTally.Rank(Working));

    /// <summary>What events change: the stored state as loaded, then ahead of it by the events not yet written.</summary>
    private PopularityState Working => _working ??= Snapshot(state.State);

    private static PopularityState Snapshot(PopularityState from) => new()
    {
        Units = new Dictionary<string, long>(from.Units, from.Units.Comparer),
        Recent = [.. from.Recent],
        Applied = [.. from.Applied],
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order event {MessageId} of order {OrderId} already counted or not a sale; skipped")]
    private partial void LogSkipped(string messageId, string orderId);
}
