using K8Shop.Grains.Catalog.Search;
using K8Shop.Grains.Catalog.Seed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace K8Shop.Grains.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>The setting naming a JSON file of more books (the seed's shape) for the in-memory store to start with.</summary>
    public const string ExtraBooksFileKey = "Catalog:ExtraBooksFile";

    /// <summary>
    /// Backs the catalog with the in-memory store, seeded (plus the books of <see cref="ExtraBooksFileKey"/> when set, as the
    /// search benchmark does), on the host's <see cref="TimeProvider"/>; for embedded mode and tests.
    /// </summary>
    public static IServiceCollection AddInMemoryCatalog(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var extra = sp.GetService<IConfiguration>()?[ExtraBooksFileKey] is { Length: > 0 } path ? CatalogSeed.LoadFile(path) : [];
            return new InMemoryCatalogStore(sp.GetRequiredService<TimeProvider>(), [.. CatalogSeed.Load(), .. extra], sp.GetRequiredService<BookRatings>());
        });
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
