using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace K8Shop.Grains.Recommendations;

/// <summary>The latest shoppers who bought one book (key: its SKU, upper-case), fed by order events; no gateway reaches it.</summary>
public interface IBookBuyersGrain : IGrainWithStringKey
{
    /// <summary>An order of the book confirmed (<paramref name="returned"/> false) or cancelled/returned; a repeat changes nothing.</summary>
    Task RecordAsync(string orderId, string userId, bool returned);

    /// <summary>The buyers' user ids, latest first, each once; cancelled orders do not count.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<ImmutableArray<string>> GetAsync();
}

/// <summary>The latest orders of a book and whether each was taken back, oldest first.</summary>
[GenerateSerializer, Alias("k8shop.recommendations.BookBuyersState")]
public sealed class BookBuyersState
{
    [Id(0)] public List<BookPurchase> Purchases { get; set; } = [];
}

[GenerateSerializer, Immutable, Alias("k8shop.recommendations.BookPurchase")]
public sealed record BookPurchase(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string UserId,
    [property: Id(2)] bool Returned);

/// <summary>
/// Reentrant with coalesced writes, as the sales ranking: a hot SKU bought thousands of times a second writes a few
/// times a second, each caller answered once a write holding its order succeeded. Bounded by
/// <see cref="RecommendationOptions.BuyersRemembered"/>; stored with the sales ranking.
/// </summary>
[Orleans.Concurrency.Reentrant]
[CollectionAgeLimit(Minutes = GrainLifetimes.ShortLivedIdleMinutes)]
public sealed class BookBuyersGrain : Grain, IBookBuyersGrain
{
    private readonly IPersistentState<BookBuyersState> _state;
    private readonly IOptions<RecommendationOptions> _options;
    private readonly CoalescedWrites _writes;
    private List<BookPurchase>? _working;

    public BookBuyersGrain(
        [PersistentState("buyers", RecommendationStorage.Name)] IPersistentState<BookBuyersState> state,
        IOptions<RecommendationOptions> options,
        TimeProvider clock)
    {
        (_state, _options) = (state, options);
        _writes = new CoalescedWrites(WriteAsync, () => options.Value.WriteInterval, clock);
    }

    private List<BookPurchase> Working => _working ??= [.. _state.State.Purchases];

    public async Task RecordAsync(string orderId, string userId, bool returned)
    {
        var index = Working.FindIndex(p => p.OrderId == orderId);
        if (index >= 0 && (!returned || Working[index].Returned))
            return;
        if (index >= 0)
            Working[index] = Working[index] with { Returned = true };
        else
        {
            Working.Add(new BookPurchase(orderId, userId, returned));
            if (Working.Count > _options.Value.BuyersRemembered)
                Working.RemoveRange(0, Working.Count - _options.Value.BuyersRemembered);
        }
        await _writes.CommitAsync();
    }

    public Task<ImmutableArray<string>> GetAsync() =>
        Task.FromResult<ImmutableArray<string>>([.. Working.AsEnumerable().Reverse().Where(p => !p.Returned).Select(p => p.UserId).Distinct()]);

    private async Task WriteAsync()
    {
        _state.State = new BookBuyersState { Purchases = [.. Working] };
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
