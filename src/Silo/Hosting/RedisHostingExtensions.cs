using K8Shop.Silo.Cart;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace K8Shop.Silo.Hosting;

public static class RedisHostingExtensions
{
    public const string ConnectionStringName = "Redis";

    /// <summary>
    /// The silo's one Redis connection (<c>ConnectionStrings:Redis</c>), shared by every store on Redis (carts, recently
    /// viewed, the recommendations' signals); registered once however many ask. With tracing on, every Redis command is
    /// a span (the instrumentation is only registered then).
    /// </summary>
    public static IServiceCollection AddRedisConnection(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = RequiredConnectionStrings.Get(configuration, ConnectionStringName, "e.g. 127.0.0.1:6379");
        services.TryAddSingleton(provider => new RedisConnection(connectionString,
            provider.GetService<OpenTelemetry.Instrumentation.StackExchangeRedis.StackExchangeRedisInstrumentation>() is { } redisTracing
                ? multiplexer => redisTracing.AddConnection(multiplexer)
                : null));
        return services;
    }
}
