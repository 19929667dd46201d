using K8Shop.Contracts.Faults;
using Microsoft.Extensions.Configuration;
using Microsoft.FeatureManagement;

namespace K8Shop.Faults.Features;

/// <summary>
/// The feature filter behind a switch's scope: parameters <c>Sku</c>, <c>User</c>, <c>Silo</c> (each optional) must
/// equal what the call is about (<see cref="FaultScope"/> passed as the feature context) and, for <c>Silo</c>, this
/// node's instance name. A call that names no SKU is not hit by a SKU-scoped fault.
/// </summary>
[FilterAlias(Alias)]
public sealed class FaultScopeFilter(string node) : IContextualFeatureFilter<FaultScope>
{
    public const string Alias = "K8Shop.FaultScope";

    public Task<bool> EvaluateAsync(FeatureFilterEvaluationContext featureFilterContext, FaultScope appContext)
    {
        var parameters = featureFilterContext.Parameters;
        var matches = Matches(parameters[nameof(FaultScope.Sku)], appContext.Sku, StringComparison.OrdinalIgnoreCase)
            && Matches(parameters[nameof(FaultScope.User)], appContext.User, StringComparison.Ordinal)
            && Matches(parameters[nameof(FaultScope.Silo)], node, StringComparison.OrdinalIgnoreCase);
        return matches ? True : False;
    }

    private static bool Matches(string? wanted, string? actual, StringComparison comparison) =>
        wanted is null || (actual is not null && string.Equals(wanted, actual, comparison));

    private static readonly Task<bool> True = Task.FromResult(true);
    private static readonly Task<bool> False = Task.FromResult(false);
}
