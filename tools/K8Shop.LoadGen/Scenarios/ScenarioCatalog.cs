using K8Shop.LoadGen.Cli;

namespace K8Shop.LoadGen.Scenarios;

/// <summary>The scenarios by name; a new one is one class and one line here.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<string> Names { get; } = [HotSkuScenario.ScenarioName, MixedScenario.ScenarioName, CheckoutScenario.ScenarioName];

    public static IScenario Create(LoadGenOptions options)
    {
        var policy = new SettlementPolicy(options.ReleaseRatio, options.CommitRatio, options.RepeatRatio);
        return options.Scenario switch
        {
            HotSkuScenario.ScenarioName => new HotSkuScenario(options.Sku, policy),
            MixedScenario.ScenarioName => new MixedScenario(options.Skus, options.Skew, policy),
            CheckoutScenario.ScenarioName => new CheckoutScenario(options.Sku, options.Skus, options.Skew, options.DeclineRatio, options.RepeatRatio),
            _ => throw new ArgumentException($"unknown scenario '{options.Scenario}'", nameof(options)),
        };
    }
}
