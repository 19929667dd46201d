using K8Shop.Grains.Reviews;
using K8Shop.Silo.Reviews;

namespace K8Shop.Silo.Hosting;

public static class ReviewsHostingExtensions
{
    /// <summary>Reviews in PostgreSQL (migration 0008, applied with the catalog's) and the <c>reviews</c> exchange on RabbitMQ.</summary>
    public static IServiceCollection AddPostgresReviews(this IServiceCollection services)
    {
        services.AddSingleton<IReviewStore, PostgresReviewStore>();
        services.AddHostedService<ReviewsExchangeBinding>();
        return services;
    }
}
