using Microsoft.Extensions.Options;
using Orleans.Streaming.RabbitMQ;

namespace Orleans.Hosting;

/// <summary>Registers RabbitMQ persistent stream providers on a cluster client (publishing only).</summary>
public static class RabbitMQStreamClientBuilderExtensions
{
    /// <summary>Adds a RabbitMQ stream provider under a name, configured through its configurator.</summary>
    public static IClientBuilder AddRabbitMQStreams(this IClientBuilder builder, string name, Action<IClusterClientRabbitMQStreamConfigurator>? configure)
    {
        var configurator = new ClusterClientRabbitMQStreamConfigurator(name, builder);
        configure?.Invoke(configurator);
        return builder;
    }

    /// <summary>Adds a RabbitMQ stream provider under a name, its options validated when the client starts.</summary>
    public static IClientBuilder AddRabbitMQStreams(this IClientBuilder builder, string name, Action<OptionsBuilder<RabbitMQStreamOptions>> configureOptions) =>
        builder.AddRabbitMQStreams(name, configurator => configurator.ConfigureRabbitMQ(configureOptions));

    /// <summary>Adds a RabbitMQ stream provider under a name.</summary>
    public static IClientBuilder AddRabbitMQStreams(this IClientBuilder builder, string name, Action<RabbitMQStreamOptions> configureOptions) =>
        builder.AddRabbitMQStreams(name, configurator => configurator.ConfigureRabbitMQ(options => options.Configure(configureOptions)));
}
