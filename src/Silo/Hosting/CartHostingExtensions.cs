using K8Shop.Contracts.Rules;
using K8Shop.Faults.Injection;
using K8Shop.Grains.Cart;
using K8Shop.Grains.Storage;
using K8Shop.Silo.Cart;
using K8Shop.Silo.Faults;
using K8Shop.Silo.Storage;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

namespace K8Shop.Silo.Hosting;

public static class CartHostingExtensions
{
    private const string RedisStorageName = CartStorage.Name + "-redis";
    private const string MemoryStorageName = CartStorage.Name + "-memory";

    /// <summary>Cart settings (section <c>Cart</c>); the storage comes with the profile.</summary>
    public static ISiloBuilder AddK8ShopCarts(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<CartOptions>()
            .Bind(configuration.GetSection(CartOptions.SectionName))
            .Validate(o => o.MaxLines is > 0 and <= ShopLimits.Cart.MaxLines && o.MaxQuantityPerLine is > 0 and <= ShopLimits.Cart.MaxQuantityPerLine,
                $"Cart:MaxLines must be 1 to {ShopLimits.Cart.MaxLines} and Cart:MaxQuantityPerLine 1 to {ShopLimits.Cart.MaxQuantityPerLine}: options may only tighten the shop's limits.")
            .Validate(o => o.IdleExpiry >= TimeSpan.FromSeconds(1), "Cart:IdleExpiry must be at least one second (e.g. 30.00:00:00).")
            .ValidateOnStart();
        return silo;
    }

    /// <summary>Carts in memory (embedded); with fault switches, redis-unavailable makes it fail as Redis would.</summary>
    public static ISiloBuilder AddMemoryCartStorage(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(MemoryStorageName);
        silo.Services.AddKeyedSingleton<IGrainStorage>(CartStorage.Name, (services, _) =>
            services.GetRequiredKeyedService<IGrainStorage>(MemoryStorageName) is var memory && services.GetService<IFaultInjector>() is not null
                ? new UnavailableTranslatingGrainStorage(WithRedisFaults(memory, services), "redis", "cart backend unavailable")
                : memory);
        silo.Services.AddKeyedSingleton<IBackendProbe, MemoryBackendProbe>("cart");
        return silo;
    }

    /// <summary>
    /// Carts on Redis (<c>ConnectionStrings:Redis</c>), with the idle expiry as the key's time to live, so an abandoned
    /// cart leaves nothing behind; the driver's connection and timeout errors answer "cart backend unavailable".
    /// </summary>
    public static ISiloBuilder AddRedisCartStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddRedisConnection(configuration);
        silo.Services.AddKeyedSingleton<IBackendProbe, RedisBackendProbe>("cart");
        silo.AddRedisGrainStorage(RedisStorageName, optionsBuilder => optionsBuilder.Configure<RedisConnection, IOptions<CartOptions>, Serializer>(
            (options, redis, cart, serializer) =>
            {
                options.ConfigurationOptions = redis.Options;
                options.CreateMultiplexer = _ => redis.ForStorageAsync();
                options.EntryExpiry = cart.Value.IdleExpiry;
                options.DeleteStateOnClear = true;
                // Orleans' own format: compact, and version-tolerant through the [Id]s of CartState.
                options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        silo.Services.AddKeyedSingleton<IGrainStorage>(CartStorage.Name, (services, _) =>
            new UnavailableTranslatingGrainStorage(WithRedisFaults(services.GetRequiredKeyedService<IGrainStorage>(RedisStorageName), services), "redis", "cart backend unavailable"));
        return silo;
    }

    /// <summary>redis-unavailable, between the translation to 503 and the driver, when the host has fault switches.</summary>
    private static IGrainStorage WithRedisFaults(IGrainStorage redis, IServiceProvider services) =>
        services.GetService<IFaultInjector>() is { } faults ? new RedisFaultGrainStorage(redis, faults) : redis;
}
