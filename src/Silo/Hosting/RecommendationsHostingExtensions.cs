using System.Globalization;
using K8Shop.Grains.Recommendations;

namespace K8Shop.Silo.Hosting;

public static class RecommendationsHostingExtensions
{
    /// <summary>The original recommendation service's default strategy; read when <c>Recommendations:Strategy</c> is not set.</summary>
    public const string OriginalStrategyVariable = "REC_STRATEGY";

    /// <summary>The original's default number of recommendations; read when <c>Recommendations:Limit</c> is not set.</summary>
    public const string OriginalLimitVariable = "REC_LIMIT";

    /// <summary>
    /// Recommendation settings (section <c>Recommendations</c>, or the original's <c>REC_STRATEGY</c>/<c>REC_LIMIT</c>), the
    /// per-silo caches. The sales ranking's storage (<see cref="RecommendationStorage.Name"/>) comes with the profile.
    /// </summary>
    public static ISiloBuilder AddK8ShopRecommendations(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<RecommendationOptions>()
            .Bind(configuration.GetSection(RecommendationOptions.SectionName))
            .Configure(options =>
            {
                if (Unset(configuration, nameof(RecommendationOptions.Strategy)) && configuration[OriginalStrategyVariable] is { Length: > 0 } strategy)
                    options.Strategy = strategy.Trim().ToLowerInvariant();
                if (Unset(configuration, nameof(RecommendationOptions.Limit)) && configuration[OriginalLimitVariable] is { Length: > 0 } limit)
                {
                    options.Limit = int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                        ? value
                        : throw new InvalidOperationException($"{OriginalLimitVariable} is '{limit}'; use a whole number from 1 to {RecommendationInput.MaxLimit}.");
                }
                options.Strategy = options.Strategy.Trim().ToLowerInvariant();
            })
            .Validate(o =>
            {
                o.Validate();
                return true;
            })
            .ValidateOnStart();
        silo.Services.AddSingleton<RecommendationCaches>();
        return silo;
    }

    private static bool Unset(IConfiguration configuration, string key) =>
        configuration[$"{RecommendationOptions.SectionName}:{key}"] is null;
}
