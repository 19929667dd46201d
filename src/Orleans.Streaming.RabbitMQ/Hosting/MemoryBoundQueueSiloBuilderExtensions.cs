using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Streaming.RabbitMQ;

namespace Orleans.Hosting;

/// <summary>Orleans' memory streams with the RabbitMQ provider's bound queues emulated in process (no broker).</summary>
public static class MemoryBoundQueueSiloBuilderExtensions
{
    /// <summary>The client's side of <see cref="AddMemoryStreamsWithBoundQueues(ISiloBuilder, string, IReadOnlyList{RabbitMQBoundQueueOptions}, Func{object, StreamId, string}, Action{ISiloRecoverableStreamConfigurator}?)"/>: its publishes are routed the same way.</summary>
    public static IClientBuilder AddMemoryStreamsWithBoundQueues(this IClientBuilder builder, string name, IReadOnlyList<RabbitMQBoundQueueOptions> queues,
        Func<object, StreamId, string> routingKey)
    {
        _ = new ClusterClientPersistentStreamConfigurator(name, builder, (services, providerName) => new MemoryBoundQueueAdapterFactory(
            MemoryAdapterFactory<DefaultMemoryMessageBodySerializer>.Create(services, providerName), queues, routingKey));
        return builder;
    }

    /// <summary>
    /// Adds memory streams under <paramref name="name"/> on which each of <paramref name="queues"/> receives, on its own
    /// stream namespace, the events whose routing key (<paramref name="routingKey"/>) its binding keys match.
    /// </summary>
    public static ISiloBuilder AddMemoryStreamsWithBoundQueues(this ISiloBuilder builder, string name, IReadOnlyList<RabbitMQBoundQueueOptions> queues,
        Func<object, StreamId, string> routingKey, Action<ISiloRecoverableStreamConfigurator>? configure = null)
    {
        var configurator = new SiloRecoverableStreamConfigurator(name, configureServices => configureServices(builder.Services),
            (services, providerName) => new MemoryBoundQueueAdapterFactory(
                MemoryAdapterFactory<DefaultMemoryMessageBodySerializer>.Create(services, providerName), queues, routingKey));
        configure?.Invoke(configurator);
        return builder;
    }
}
