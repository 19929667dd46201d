namespace K8Shop.LoadGen.Scenarios;

/// <summary>Every client contends for one SKU, one unit at a time.</summary>
public sealed class HotSkuScenario : IScenario
{
    public const string ScenarioName = "hot-sku";

    private readonly string _sku;
    private readonly SettlementPolicy _policy;

    public HotSkuScenario(string sku, SettlementPolicy policy)
    {
        _sku = sku;
        _policy = policy;
        Skus = [sku];
    }

    public string Name => ScenarioName;

    public IReadOnlyList<string> Skus { get; }

    public string Description => $"every client on {_sku}, qty 1";

    public IOperation Next(Random random) => new ReserveThenSettle(_sku, 1, _policy.Draw(random), _policy.DrawRepeat(random));
}
