using K8Shop.Streaming.RabbitMQ.Tests.Grains;
using K8Shop.TestSupport;
using Orleans.Runtime;

namespace K8Shop.Streaming.RabbitMQ.Tests;

[Collection(RabbitMQStreamsCollection.Name)]
public sealed class StreamDeliveryTests(RabbitMQStreamsFixture fixture)
{
    private const int EventsPerStream = 25;

    [RabbitMQFact]
    public async Task Events_OnSeveralStreams_ArriveInOrderAtImplicitAndExplicitSubscribers()
    {
        var client = fixture.Cluster.Client;
        var keys = Enumerable.Range(0, 4).Select(i => $"parcel-{i}-{Guid.NewGuid():N}").ToArray();
        foreach (var key in keys)
        {
            await client.GetGrain<IParcelWatcherGrain>(key).WatchAsync(key);
        }

        var provider = client.GetStreamProvider(TestStreams.Provider);
        await Task.WhenAll(keys.Select(async key =>
        {
            var stream = provider.GetStream<ParcelEvent>(StreamId.Create(TestStreams.Parcels, key));
            for (var sequence = 0; sequence < EventsPerStream; sequence++)
            {
                await stream.OnNextAsync(new ParcelEvent(key, sequence, "in transit"));
            }
        }));

        var expected = Enumerable.Range(0, EventsPerStream).ToArray();
        foreach (var key in keys)
        {
            Assert.Equal(expected, await Eventually.CountAsync(() => client.GetGrain<IParcelLogGrain>(key).ReceivedAsync(), EventsPerStream));
            Assert.Equal(expected, await Eventually.CountAsync(() => client.GetGrain<IParcelWatcherGrain>(key).ReceivedAsync(), EventsPerStream));
        }
    }
}

/// <summary>Polls until a subscriber has what the test waits for, so tests wait no longer than delivery takes.</summary>
internal static class Eventually
{
    public static async Task<IReadOnlyList<int>> CountAsync(Func<Task<IReadOnlyList<int>>> read, int count, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        IReadOnlyList<int> received;
        do
        {
            received = await read();
            if (received.Count >= count)
            {
                return received;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return received;
    }
}
