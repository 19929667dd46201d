using System.Globalization;
using K8Shop.LoadGen.Checkout;
using K8Shop.LoadGen.Ledger;

namespace K8Shop.LoadGen.Scenarios;

/// <summary>
/// One shopper per operation: 1-3 cart adds (qty 1-2) over the mixed scenario's Zipf skew, with the hot SKU at
/// rank 1 and BOOK-001..BOOK-N after it, then POST /orders for the cart. A share of orders carries a declining
/// payment token; a share is sent twice under the same key.
/// </summary>
public sealed class CheckoutScenario : IScenario
{
    public const string ScenarioName = "checkout";
    public const int MaxCartAdds = 3;

    private readonly ZipfSampler _popularity;
    private readonly string[] _skus;
    private readonly double _skew;
    private readonly double _declineRatio;
    private readonly double _repeatRatio;

    public CheckoutScenario(string hotSku, int skuCount, double skew, double declineRatio, double repeatRatio)
    {
        // The catalog writes SKUs in upper case, and the orders' lines come back that way.
        var hot = hotSku.ToUpperInvariant();
        _skus = [.. Enumerable.Range(1, skuCount + 1).Select(MixedScenario.SkuAt).Where(sku => sku != hot).Prepend(hot).Take(skuCount)];
        _popularity = new ZipfSampler(_skus.Length, skew);
        _skew = skew;
        _declineRatio = declineRatio;
        _repeatRatio = repeatRatio;
    }

    public string Name => ScenarioName;

    public IReadOnlyList<string> Skus => _skus;

    public string HotSku => _skus[0];

    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"a fresh shopper per checkout: 1-{MaxCartAdds} cart adds (qty 1-2) over {_skus.Length} SKU(s), {HotSku} hottest, Zipf skew {_skew}, then POST /orders for the cart; declined payments {_declineRatio:0.##}, repeated orders {_repeatRatio:0.##}");

    public IOperation Next(Random random)
    {
        var adds = random.Next(1, MaxCartAdds + 1);
        var lines = new CartLine[adds];
        for (var i = 0; i < adds; i++)
            lines[i] = new CartLine(_skus[_popularity.Sample(random)], random.Next(1, 3));
        // No draw at a zero ratio, so the other options leave a seed's sequence alone.
        var decline = _declineRatio > 0 && random.NextDouble() < _declineRatio;
        var repeat = _repeatRatio > 0 && random.NextDouble() < _repeatRatio;
        return new ShopperCheckout(lines, decline ? PaymentTokens.Decline : null, repeat);
    }
}
