using K8Shop.Contracts.Recommendations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8Shop.Grains.Recommendations;

/// <summary>
/// The shop's sales ranking (one grain, key 0). Each applied event is stored before the call returns, so a delivery
/// that failed is retried and still counted once; reads interleave and see the latest applied event.
/// </summary>
public sealed partial class PopularityGrain(
    [PersistentState("popularity", RecommendationStorage.Name)] IPersistentState<PopularityState> state,
    IOptions<RecommendationOptions> options,
    ILogger<PopularityGrain> logger) : Grain, IPopularityGrain
{
    private SalesRanking? _ranking;

    public async Task<bool> RecordAsync(SalesRecord sale)
    {
        if (!SalesTally.Apply(state.State, sale, options.Value.RememberedEvents))
        {
            LogSkipped(sale.MessageId, sale.OrderId);
            return false;
        }
        _ranking = null;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The tally in memory is ahead of the store: start over from the store on the next call.
            DeactivateOnIdle();
            throw;
        }
        return true;
    }

    public Task<SalesRanking> GetRankingAsync() => Task.FromResult(_ranking ??= SalesTally.Rank(state.State));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order event {MessageId} of order {OrderId} already counted or not a sale; skipped")]
    private partial void LogSkipped(string messageId, string orderId);
}
