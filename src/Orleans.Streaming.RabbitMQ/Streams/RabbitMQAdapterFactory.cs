using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;
using RabbitMQ.Client;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// The RabbitMQ persistent stream provider's parts: one publishing and one consuming connection per process,
/// a hash ring of <see cref="RabbitMQStreamOptions.PartitionCount"/> queues plus the consumers of each bound queue,
/// Orleans' simple queue cache, and a
/// failure handler per partition that tells the receiver which messages to nack.
/// </summary>
public sealed partial class RabbitMQAdapterFactory : IQueueAdapterFactory, IAsyncDisposable
{
    private readonly string _name;
    private readonly RabbitMQStreamOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly RabbitMQQueueMapper _mapper;
    private readonly SimpleQueueAdapterCache _cache;
    private readonly RabbitMQTopology _topology;
    private readonly RabbitMQMessageCodec _codec;
    private readonly RabbitMQConnector _publishConnection;
    private readonly RabbitMQConnector _consumeConnection;
    private readonly RabbitMQPublisher _publisher;
    private readonly ConcurrentDictionary<QueueId, DeliveryFailures> _failures = new();

    public RabbitMQAdapterFactory(
        string name, RabbitMQStreamOptions options, SimpleQueueCacheOptions cacheOptions, ILoggerFactory loggerFactory, IRabbitMQPublishFaults? faults = null)
    {
        _name = name;
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<RabbitMQAdapterFactory>();
        _mapper = new RabbitMQQueueMapper(options, name);
        _cache = new SimpleQueueAdapterCache(cacheOptions, name, loggerFactory);
        _topology = new RabbitMQTopology(options, name);
        _codec = new RabbitMQMessageCodec(options, _topology);
        _publishConnection = new RabbitMQConnector(options, $"orleans-streams:{name}:publish", loggerFactory.CreateLogger<RabbitMQConnector>());
        _consumeConnection = new RabbitMQConnector(options, $"orleans-streams:{name}:consume", loggerFactory.CreateLogger<RabbitMQConnector>());
        _publisher = new RabbitMQPublisher(_publishConnection, options, loggerFactory.CreateLogger<RabbitMQPublisher>(), faults, DropConnectionsAsync);
    }

    public static RabbitMQAdapterFactory Create(IServiceProvider services, string name) =>
        new(name, services.GetOptionsByName<RabbitMQStreamOptions>(name), services.GetOptionsByName<SimpleQueueCacheOptions>(name),
            services.GetRequiredService<ILoggerFactory>(), services.GetService<IRabbitMQPublishFaults>());

    /// <summary>Connects and, unless turned off, declares the topology; a broker that cannot be reached fails the start.</summary>
    public async Task<IQueueAdapter> CreateAdapter()
    {
        if (_options.DeclareTopology)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var connection = await _publishConnection.GetConnectionAsync(timeout.Token);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: timeout.Token);
            await _topology.DeclareAsync(channel, timeout.Token);
            await channel.CloseAsync();
            LogTopologyDeclared(_name, _topology.Exchange, _topology.Prefix, _options.PartitionCount);
            foreach (var bound in _options.BoundQueues)
            {
                LogBoundQueueDeclared(_name, bound.Name, string.Join(", ", bound.BindingKeys), bound.StreamNamespace);
            }
        }

        return new RabbitMQAdapter(_name, _publisher, _codec, _mapper, CreateReceiver);
    }

    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new RabbitMQStreamFailureHandler(FailuresOf(queueId), _loggerFactory.CreateLogger<RabbitMQStreamFailureHandler>()));

    private RabbitMQAdapterReceiver CreateReceiver(QueueId queueId)
    {
        var bound = _mapper.TryGetBoundQueue(queueId, out var queue) ? queue : null;
        var receiver = new RabbitMQAdapterReceiver(queueId, bound?.Name ?? _topology.PartitionQueue((int)queueId.GetNumericId()), bound, _consumeConnection, _codec, _options,
            _loggerFactory.CreateLogger<RabbitMQAdapterReceiver>());
        FailuresOf(queueId).Nack = receiver.NackAsync;
        return receiver;
    }

    /// <summary>A fault drill's connection drop: both of this process's connections go, as when the network fails.</summary>
    private Task DropConnectionsAsync(string reason) =>
        Task.WhenAll(_publishConnection.DropAsync(reason), _consumeConnection.DropAsync(reason));

    private DeliveryFailures FailuresOf(QueueId queueId) => _failures.GetOrAdd(queueId, _ => new DeliveryFailures());

    public async ValueTask DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _publishConnection.DisposeAsync();
        await _consumeConnection.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RabbitMQ stream provider {ProviderName}: exchange {Exchange} routes to {PartitionCount} partition queues {Prefix}.N")]
    private partial void LogTopologyDeclared(string providerName, string exchange, string prefix, int partitionCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "RabbitMQ stream provider {ProviderName}: queue {Queue} bound by {BindingKeys} delivers to stream namespace {StreamNamespace}")]
    private partial void LogBoundQueueDeclared(string providerName, string queue, string bindingKeys, string streamNamespace);
}
