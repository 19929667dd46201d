using Microsoft.Extensions.DependencyInjection;

namespace K8Shop.Grains.Reviews;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>Reviews in memory: embedded mode and tests.</summary>
    public static IServiceCollection AddInMemoryReviews(this IServiceCollection services) =>
        services.AddSingleton<IReviewStore, InMemoryReviewStore>();
}
