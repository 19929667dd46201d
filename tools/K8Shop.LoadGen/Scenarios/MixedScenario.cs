using System.Globalization;

namespace K8Shop.LoadGen.Scenarios;

/// <summary>Many SKUs with a few hot ones: BOOK-001 is the most popular, following a Zipf-like skew; qty 1 or 2.</summary>
public sealed class MixedScenario : IScenario
{
    public const string ScenarioName = "mixed";

    private readonly ZipfSampler _popularity;
    private readonly SettlementPolicy _policy;
    private readonly string[] _skus;
    private readonly double _skew;

    public MixedScenario(int skuCount, double skew, SettlementPolicy policy)
    {
        _popularity = new ZipfSampler(skuCount, skew);
        _policy = policy;
        _skew = skew;
        _skus = [.. Enumerable.Range(1, skuCount).Select(SkuAt)];
    }

    public string Name => ScenarioName;

    public IReadOnlyList<string> Skus => _skus;

    public string Description =>
        string.Create(CultureInfo.InvariantCulture, $"{_skus[0]}..{_skus[^1]}, Zipf skew {_skew}, qty 1-2");

    /// <summary>The SKU of popularity rank 1, 2, ...: BOOK-001, BOOK-002, ...</summary>
    public static string SkuAt(int rank) => string.Create(CultureInfo.InvariantCulture, $"BOOK-{rank:000}");

    public IOperation Next(Random random)
    {
        var sku = _skus[_popularity.Sample(random)];
        var quantity = random.Next(1, 3);
        return new ReserveThenSettle(sku, quantity, _policy.Draw(random), _policy.DrawRepeat(random));
    }
}
