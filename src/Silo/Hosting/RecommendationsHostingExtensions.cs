using System.Globalization;
using K8Shop.Grains.Recommendations;
using K8Shop.Silo.Cart;
using K8Shop.Silo.Recommendations;
using K8Shop.Silo.Storage;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

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

    /// <summary>
    /// The sales ranking, each book's buyers and each shopper's tastes on Redis (<c>ConnectionStrings:Redis</c>, the
    /// connection carts use), with no expiry: signals derived from orders, written once per confirmed order or in
    /// coalesced batches, which PostgreSQL need not carry (they were 2-3 of its transactions per checkout). What an
    /// earlier version stored in PostgreSQL moves here once, as the silo starts (<see cref="RecommendationStateMove"/>).
    /// The driver's connection and timeout errors answer "recommendations store unavailable".
    /// </summary>
    public static ISiloBuilder AddRedisRecommendationStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddRedisConnection(configuration);
        silo.AddRedisGrainStorage(RedisStorageName, optionsBuilder => optionsBuilder.Configure<RedisConnection, Serializer>((options, redis, serializer) =>
        {
            options.ConfigurationOptions = redis.Options;
            options.CreateMultiplexer = _ => redis.ForStorageAsync();
            options.DeleteStateOnClear = true;
            // Orleans' own format, as the states were stored in PostgreSQL: compact, version-tolerant through their [Id]s.
            options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        silo.Services.AddKeyedSingleton<IGrainStorage>(RecommendationStorage.Name, (services, _) =>
            new UnavailableTranslatingGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(RedisStorageName), "redis", "recommendations store unavailable"));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, RecommendationStateMove>();
        return silo;
    }

    private const string RedisStorageName = RecommendationStorage.Name + "-redis";

    private static bool Unset(IConfiguration configuration, string key) =>
        configuration[$"{RecommendationOptions.SectionName}:{key}"] is null;
}
