using K8Shop.Grains.Catalog.Search;
using K8Shop.Grains.Catalog.Seed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace K8Shop.Grains.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>Backs the catalog with the in-memory store, seeded, on the host's <see cref="TimeProvider"/>; for embedded mode and tests.</summary>
    public static IServiceCollection AddInMemoryCatalog(this IServiceCollection services)
    {
        services.AddSingleton(sp => new InMemoryCatalogStore(sp.GetRequiredService<TimeProvider>(), CatalogSeed.Load(), sp.GetRequiredService<BookRatings>()));
        services.AddSingleton<ICatalogStore>(sp => sp.GetRequiredService<InMemoryCatalogStore>());
        services.AddSingleton<ICatalogSearch>(sp => new InMemoryCatalogSearch(sp.GetRequiredService<InMemoryCatalogStore>().Index, sp.GetRequiredService<BookRatings>()));
        return services.AddCatalogPriceCache();
    }

    /// <summary>
    /// The per-silo price cache every catalog store needs (on the host's <see cref="TimeProvider"/>), and the in-memory
    /// <see cref="BookRatings"/> (what embedded mode rates by; registered in every profile so its writers need no switch).
    /// </summary>
    public static IServiceCollection AddCatalogPriceCache(this IServiceCollection services)
    {
        services.TryAddSingleton<CatalogPriceCache>();
        services.TryAddSingleton<BookRatings>();
        return services;
    }
}
