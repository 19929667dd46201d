using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Streaming.RabbitMQ;

namespace Orleans.Hosting;

/// <summary>Configures a RabbitMQ stream provider on a silo or a client.</summary>
public interface IRabbitMQStreamConfigurator : INamedServiceConfigurator;

public static class RabbitMQStreamConfiguratorExtensions
{
    /// <summary>Configures the provider's <see cref="RabbitMQStreamOptions"/>.</summary>
    public static void ConfigureRabbitMQ(this IRabbitMQStreamConfigurator configurator, Action<OptionsBuilder<RabbitMQStreamOptions>> configureOptions) =>
        configurator.Configure(configureOptions);

    /// <summary>Defaults the queue name prefix to <c>{exchange}.{ServiceId}.{provider}</c> and validates the options at start.</summary>
    internal static void AddRabbitMQDefaults(this IRabbitMQStreamConfigurator configurator)
    {
        configurator.ConfigureComponent(RabbitMQStreamOptionsValidator.Create);
        configurator.ConfigureRabbitMQ(options => options.PostConfigure<IOptions<ClusterOptions>>((rabbit, cluster) =>
            rabbit.QueueNamePrefix ??= $"{rabbit.ExchangeName}.{cluster.Value.ServiceId}.{configurator.Name}"));
        configurator.ConfigureDelegate(services => services.ConfigureNamedOptionForLogging<RabbitMQStreamOptions>(configurator.Name));
    }
}

public interface ISiloRabbitMQStreamConfigurator : IRabbitMQStreamConfigurator, ISiloPersistentStreamConfigurator;

public static class SiloRabbitMQStreamConfiguratorExtensions
{
    /// <summary>The messages a partition's cache holds; at least <see cref="RabbitMQStreamOptions.PrefetchCount"/> keeps the prefetch useful.</summary>
    public static void ConfigureCacheSize(this ISiloRabbitMQStreamConfigurator configurator, int cacheSize = SimpleQueueCacheOptions.DEFAULT_CACHE_SIZE) =>
        configurator.Configure<SimpleQueueCacheOptions>(options => options.Configure(cache => cache.CacheSize = cacheSize));
}

/// <summary>A silo's RabbitMQ stream provider: publishes, and pulls its share of the partition queues.</summary>
public sealed class SiloRabbitMQStreamConfigurator : SiloPersistentStreamConfigurator, ISiloRabbitMQStreamConfigurator
{
    public SiloRabbitMQStreamConfigurator(string name, Action<Action<IServiceCollection>> configureServicesDelegate)
        : base(name, configureServicesDelegate, RabbitMQAdapterFactory.Create)
    {
        this.AddRabbitMQDefaults();
        this.ConfigureComponent(SimpleQueueCacheOptionsValidator.Create);
    }
}

public interface IClusterClientRabbitMQStreamConfigurator : IRabbitMQStreamConfigurator, IClusterClientPersistentStreamConfigurator;

/// <summary>A client's RabbitMQ stream provider: publishes only; silos pull.</summary>
public sealed class ClusterClientRabbitMQStreamConfigurator : ClusterClientPersistentStreamConfigurator, IClusterClientRabbitMQStreamConfigurator
{
    public ClusterClientRabbitMQStreamConfigurator(string name, IClientBuilder builder)
        : base(name, builder, RabbitMQAdapterFactory.Create)
    {
        this.AddRabbitMQDefaults();
    }
}
