using System.Collections.Concurrent;
using K8Shop.Streaming.RabbitMQ.Tests.Grains;
using K8Shop.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Streaming.RabbitMQ;
using Orleans.TestingHost;
using RabbitMQ.Client;

namespace K8Shop.Streaming.RabbitMQ.Tests;

/// <summary>
/// <see cref="IRabbitMQPublishFaults"/> on the real broker: a drill's nack fails an attempt as the broker's nack does (the
/// publisher retries, then gives up), a drill's drop really aborts the connection and the next attempt reconnects; what
/// finally goes out reaches the exchange exactly once.
/// </summary>
public sealed class PublishFaultTests : IAsyncLifetime
{
    private readonly string _exchange = $"k8shop-faults-{Guid.NewGuid():N}"[..26];
    private readonly ScriptedPublishFaults _faults = new();
    private readonly ConcurrentQueue<string> _logs = new();
    private InProcessTestCluster? _cluster;
    private IConnection? _amqp;
    private IChannel? _channel;
    private string _probe = "";

    public async Task InitializeAsync()
    {
        if (TestServices.RabbitMQSkipReason is not null)
            return;
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage("PubSubStore")
            .AddRabbitMQStreams(TestStreams.Provider, (RabbitMQStreamOptions o) => Configure(o)));
        builder.ConfigureClient(client =>
        {
            client.Services.AddSingleton<IRabbitMQPublishFaults>(_faults);
            client.Services.AddLogging(logging => logging.AddProvider(new LineRecorder(_logs)).AddFilter("Orleans.Streaming.RabbitMQ", LogLevel.Information));
            client.AddRabbitMQStreams(TestStreams.Provider, (RabbitMQStreamOptions o) => Configure(o));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();

        _amqp = await new ConnectionFactory { Uri = new Uri(TestServices.RabbitMQConnectionString) }.CreateConnectionAsync();
        _channel = await _amqp.CreateChannelAsync();
        await _channel.ExchangeDeclareAsync(_exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        _probe = (await _channel.QueueDeclareAsync(exclusive: true)).QueueName;
        await _channel.QueueBindAsync(_probe, _exchange, "#");
    }

    public async Task DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.ExchangeDeleteAsync(_exchange);
            await _channel.DisposeAsync();
        }
        if (_amqp is not null)
            await _amqp.DisposeAsync();
        if (_cluster is not null)
            await _cluster.DisposeAsync();
    }

    [RabbitMQFact]
    public async Task NackOnEveryAttempt_OnNextFailsAsNackedAfterTheRetries_AndNothingReachesTheExchange()
    {
        _faults.Script(RabbitMQPublishFault.Nack, RabbitMQPublishFault.Nack, RabbitMQPublishFault.Nack);

        var failure = await Assert.ThrowsAsync<RabbitMQPublishException>(() => PublishAsync("nacked"));

        Assert.Contains("after 3 attempts: nacked by the broker", failure.Message);
        Assert.Equal(3, _faults.Asked);
        await Task.Delay(300);
        Assert.Empty(await DrainProbeAsync());
    }

    [RabbitMQFact]
    public async Task NackedTwiceThenAccepted_OnNextSucceeds_AndTheEventReachesTheExchangeOnce()
    {
        _faults.Script(RabbitMQPublishFault.Nack, RabbitMQPublishFault.Nack);

        await PublishAsync("retried");

        Assert.Equal(3, _faults.Asked);
        Assert.Equal(["retried-1"], await WaitForProbeAsync(1));
    }

    [RabbitMQFact]
    public async Task ConnectionDroppedBeforeAnAttempt_ThePublisherReconnects_AndTheEventReachesTheExchangeOnce()
    {
        _faults.Script(RabbitMQPublishFault.ConnectionDrop);
        var before = _logs.Count;

        await PublishAsync("dropped");

        Assert.Equal(["dropped-1"], await WaitForProbeAsync(1));
        var lines = _logs.Skip(before).ToList();
        var lost = lines.FindIndex(l => l.Contains(":publish lost", StringComparison.Ordinal));
        Assert.True(lost >= 0, "the publish connection was never closed: " + string.Join(" | ", lines));
        Assert.Contains(lines.Skip(lost), l => l.Contains(":publish open", StringComparison.Ordinal));
    }

    private async Task PublishAsync(string id) =>
        await _cluster!.Client.GetStreamProvider(TestStreams.Provider)
            .GetStream<ParcelEvent>(StreamId.Create(TestStreams.Parcels, id))
            .OnNextAsync(new ParcelEvent(id, 1, "fault drill"));

    private async Task<List<string>> WaitForProbeAsync(int count)
    {
        var seen = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (seen.Count < count && DateTime.UtcNow < deadline)
        {
            seen.AddRange(await DrainProbeAsync());
            await Task.Delay(100);
        }
        await Task.Delay(300);
        seen.AddRange(await DrainProbeAsync());
        return seen;
    }

    private async Task<List<string>> DrainProbeAsync()
    {
        var ids = new List<string>();
        while (await _channel!.BasicGetAsync(_probe, autoAck: true) is { } message)
            ids.Add(message.BasicProperties.MessageId ?? "");
        return ids;
    }

    private void Configure(RabbitMQStreamOptions options)
    {
        RabbitMQStreamsFixture.Configure(options, TestServices.RabbitMQConnectionString, _exchange);
        options.PartitionCount = 1;
        options.PublishRetry = new RabbitMQPublishRetryOptions
        {
            MaxAttempts = 3,
            InitialDelay = TimeSpan.FromMilliseconds(20),
            MaxDelay = TimeSpan.FromMilliseconds(50),
            ConfirmTimeout = TimeSpan.FromSeconds(2),
        };
    }

    /// <summary>Answers its script, one fault per attempt, then nothing.</summary>
    private sealed class ScriptedPublishFaults : IRabbitMQPublishFaults
    {
        private readonly ConcurrentQueue<RabbitMQPublishFault> _script = new();
        private int _asked;

        public int Asked => Volatile.Read(ref _asked);

        public bool AnyActive => true;

        public void Script(params RabbitMQPublishFault[] faults)
        {
            foreach (var fault in faults)
                _script.Enqueue(fault);
        }

        public ValueTask<RabbitMQPublishFault> DecideAsync(string routingKey, string? correlationId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _asked);
            return ValueTask.FromResult(_script.TryDequeue(out var fault) ? fault : RabbitMQPublishFault.None);
        }
    }

    private sealed class LineRecorder(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Recorder(lines);

        public void Dispose()
        {
        }

        private sealed class Recorder(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
