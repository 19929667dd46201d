using K8Shop.Grains.Catalog.Seed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace K8Shop.Grains.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>Backs the catalog with the in-memory store, seeded, on the host's <see cref="TimeProvider"/>; for embedded mode and tests.</summary>
    public static IServiceCollection AddInMemoryCatalog(this IServiceCollection services)
    {
        services.AddSingleton<ICatalogStore>(sp => new InMemoryCatalogStore(sp.GetRequiredService<TimeProvider>(), CatalogSeed.Load()));
        return services.AddCatalogPriceCache();
    }

    /// <summary>The per-silo price cache every catalog store needs (on the host's <see cref="TimeProvider"/>).</summary>
    public static IServiceCollection AddCatalogPriceCache(this IServiceCollection services)
    {
        services.TryAddSingleton<CatalogPriceCache>();
        return services;
    }
}
