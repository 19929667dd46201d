using System.Collections.Concurrent;
using K8Shop.Streaming.RabbitMQ.Tests.Grains;
using K8Shop.TestSupport;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Streaming.RabbitMQ;
using Orleans.TestingHost;

namespace K8Shop.Streaming.RabbitMQ.Tests;

/// <summary>A broker of the test's own, killed and started again while a stream of events is being published.</summary>
public sealed class BrokerRestartTests
{
    private const int EventCount = 120;
    private const int CrashAfter = 40;

    [RabbitMQFact]
    public async Task BrokerCrash_InTheMiddleOfAStream_LosesNoEventWhosePublishCompleted()
    {
        await using var broker = await RabbitMQServerProcess.StartAsync();
        var cluster = await StartClusterAsync(broker.ConnectionString);
        await using var _ = cluster;
        var key = $"restart-{Guid.NewGuid():N}";
        var stream = cluster.Client.GetStreamProvider(TestStreams.Provider).GetStream<ParcelEvent>(StreamId.Create(TestStreams.Parcels, key));
        var confirmed = new ConcurrentBag<int>();
        var failed = new ConcurrentBag<int>();
        Task? restart = null;

        for (var sequence = 0; sequence < EventCount; sequence++)
        {
            if (sequence == CrashAfter)
            {
                restart = Task.Run(async () =>
                {
                    await broker.KillAsync();
                    await broker.StartAgainAsync();
                });
            }

            try
            {
                await stream.OnNextAsync(new ParcelEvent(key, sequence, "through a crash"));
                confirmed.Add(sequence);
            }
            catch (RabbitMQPublishException)
            {
                failed.Add(sequence);
            }
        }

        await restart!;
        var received = await Eventually.CountAsync(async () => [.. (await cluster.Client.GetGrain<IParcelLogGrain>(key).ReceivedAsync()).Distinct()], confirmed.Count, timeoutSeconds: 45);
        Assert.Empty(confirmed.Except(received));
        // The publisher rode out the outage: events after the restart were confirmed too.
        Assert.Contains(EventCount - 1, confirmed);
        Assert.True(confirmed.Count >= EventCount - failed.Count && failed.Count < EventCount / 4, $"{failed.Count} publishes failed");
    }

    private static async Task<InProcessTestCluster> StartClusterAsync(string connectionString)
    {
        var exchange = $"k8shop-restart-{Guid.NewGuid():N}"[..24];
        void Configure(RabbitMQStreamOptions options)
        {
            RabbitMQStreamsFixture.Configure(options, connectionString, exchange);
            // Classic durable queues here: a single-node RabbitMQ 3.10 killed with SIGKILL sometimes restarts without
            // electing a leader for its quorum queues ("leader not known"), which would hang the test, not test us.
            options.QueueType = RabbitMQQueueType.Classic;
            // Long enough to ride out a broker restart (about 6 s here): up to ~20 s of retries.
            options.PublishRetry = new RabbitMQPublishRetryOptions
            {
                MaxAttempts = 25,
                InitialDelay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromSeconds(1),
                ConfirmTimeout = TimeSpan.FromSeconds(3),
            };
        }

        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage("PubSubStore").AddRabbitMQStreams(TestStreams.Provider, Configure));
        builder.ConfigureClient(client => client.AddRabbitMQStreams(TestStreams.Provider, Configure));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
