using K8Shop.Grains.Catalog.Seed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace K8Shop.Grains.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>Backs the catalog with the in-memory store, seeded; for embedded mode and tests.</summary>
    public static IServiceCollection AddInMemoryCatalog(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ICatalogStore>(sp => new InMemoryCatalogStore(sp.GetRequiredService<TimeProvider>(), CatalogSeed.Load()));
        return services.AddCatalogPriceCache();
    }

    /// <summary>The per-silo price cache every catalog store needs.</summary>
    public static IServiceCollection AddCatalogPriceCache(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CatalogPriceCache>();
        return services;
    }
}
