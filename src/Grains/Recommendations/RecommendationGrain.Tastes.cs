using System.Collections.Frozen;

namespace K8Shop.Grains.Recommendations;

/// <summary>What other shoppers' purchases and ratings say, per SKU (upper-case): see <see cref="TasteRanking"/>.</summary>
public sealed record OtherShoppers(FrozenDictionary<string, int> BoughtWith, FrozenDictionary<string, int> RatedBySimilar)
{
    public static OtherShoppers None { get; } = new(FrozenDictionary<string, int>.Empty, FrozenDictionary<string, int>.Empty);
}

public sealed partial class RecommendationGrain
{
    /// <summary>How many of the shopper's bought books, latest first, lead to shoppers with similar purchases.</summary>
    private const int BooksToFollow = 5;

    /// <summary>
    /// The latest buyers of the shopper's latest bought books (the latest first, up to
    /// <see cref="RecommendationOptions.SimilarShoppersRead"/> shoppers, never the shopper), and their tastes: what the
    /// buyers of <paramref name="bought"/>[0] also bought, and what all of them rated highly. Never a book in
    /// <paramref name="owned"/>. A source that cannot be read counts as empty.
    /// </summary>
    private async Task<OtherShoppers> ReadTastesAsync(string userId, IReadOnlyList<CatalogBook> bought, IReadOnlySet<string> owned)
    {
        if (bought.Count == 0)
            return OtherShoppers.None;
        try
        {
            var buyers = await Task.WhenAll(bought.Take(BooksToFollow)
                .Select(b => GrainFactory.GetGrain<IBookBuyersGrain>(b.Sku.ToUpperInvariant()).GetAsync()));
            var similar = buyers.SelectMany(b => b).Where(u => u != userId).Distinct().Take(options.Value.SimilarShoppersRead).ToList();
            var tastes = (await Task.WhenAll(similar.Select(u => GrainFactory.GetGrain<IShopperTasteGrain>(u).GetAsync())))
                .Zip(similar, (taste, user) => (user, taste))
                .ToDictionary(x => x.user, x => x.taste);
            var sourceBuyers = buyers[0].Where(tastes.ContainsKey).Select(u => tastes[u]);
            return new OtherShoppers(TasteRanking.BoughtWith(sourceBuyers, owned), TasteRanking.RatedBySimilar(tastes.Values, owned));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSourceUnavailable(ex, "other shoppers' tastes");
            return OtherShoppers.None;
        }
    }
}
