using K8Shop.Grains.Catalog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace K8Shop.Grains.Reviews;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>Reviews in memory, their summaries kept in the catalog's <see cref="BookRatings"/>: embedded mode and tests.</summary>
    public static IServiceCollection AddInMemoryReviews(this IServiceCollection services)
    {
        services.TryAddSingleton<BookRatings>();
        return services.AddSingleton<IReviewStore, InMemoryReviewStore>();
    }
}
