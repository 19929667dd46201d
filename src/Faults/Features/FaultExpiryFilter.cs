using System.Globalization;
using Microsoft.FeatureManagement;

namespace K8Shop.Faults.Features;

/// <summary>
/// A switch's duration: on until parameter <c>ExpiresAt</c> (round-trip format), on this node's
/// <see cref="TimeProvider"/>, the clock the rest of the switches use (the library's time-window filter reads the system
/// clock, which tests cannot move).
/// </summary>
[FilterAlias(Alias)]
public sealed class FaultExpiryFilter(TimeProvider time) : IFeatureFilter
{
    public const string Alias = "K8Shop.FaultExpiry";
    public const string ExpiresAt = "ExpiresAt";

    public Task<bool> EvaluateAsync(FeatureFilterEvaluationContext context) =>
        Task.FromResult(context.Parameters[ExpiresAt] is not { } expires
            || time.GetUtcNow() < DateTimeOffset.Parse(expires, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}
