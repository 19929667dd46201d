using Microsoft.Extensions.Options;
using Orleans.Streaming.RabbitMQ;

namespace Orleans.Hosting;

/// <summary>Registers RabbitMQ persistent stream providers on a silo.</summary>
public static class RabbitMQStreamSiloBuilderExtensions
{
    /// <summary>Adds a RabbitMQ stream provider under a name, configured through its configurator.</summary>
    public static ISiloBuilder AddRabbitMQStreams(this ISiloBuilder builder, string name, Action<ISiloRabbitMQStreamConfigurator>? configure)
    {
        var configurator = new SiloRabbitMQStreamConfigurator(name, configureServices => configureServices(builder.Services));
        configure?.Invoke(configurator);
        return builder;
    }

    /// <summary>Adds a RabbitMQ stream provider under a name, its options validated when the silo starts.</summary>
    public static ISiloBuilder AddRabbitMQStreams(this ISiloBuilder builder, string name, Action<OptionsBuilder<RabbitMQStreamOptions>> configureOptions) =>
        builder.AddRabbitMQStreams(name, configurator => configurator.ConfigureRabbitMQ(configureOptions));

    /// <summary>Adds a RabbitMQ stream provider under a name.</summary>
    public static ISiloBuilder AddRabbitMQStreams(this ISiloBuilder builder, string name, Action<RabbitMQStreamOptions> configureOptions) =>
        builder.AddRabbitMQStreams(name, configurator => configurator.ConfigureRabbitMQ(options => options.Configure(configureOptions)));
}
