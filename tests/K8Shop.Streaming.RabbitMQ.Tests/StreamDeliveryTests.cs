using K8Shop.Streaming.RabbitMQ.Tests.Grains;
using K8Shop.TestSupport;
using Orleans.Runtime;
using Orleans.Streaming.Diagnostics;

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

    [RabbitMQFact]
    public async Task Stream_ForgottenWhileIdle_DeliversWhatComesAfterOnceAndInOrder()
    {
        // An order's stream is quiet for days between order.confirmed and order.shipped; the agent forgets it meanwhile.
        var client = fixture.Cluster.Client;
        var key = $"parcel-idle-{Guid.NewGuid():N}";
        var streamId = StreamId.Create(TestStreams.Parcels, key);
        var forgotten = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = StreamingEvents.AllEvents.Subscribe(new Watcher(e =>
        {
            if (e is StreamingEvents.StreamInactive inactive && inactive.StreamId == streamId)
            {
                forgotten.TrySetResult();
            }
        }));
        var stream = client.GetStreamProvider(TestStreams.Provider).GetStream<ParcelEvent>(streamId);
        var log = client.GetGrain<IParcelLogGrain>(key);

        for (var sequence = 0; sequence < 5; sequence++)
        {
            await stream.OnNextAsync(new ParcelEvent(key, sequence, "in transit"));
        }

        Assert.Equal([0, 1, 2, 3, 4], await Eventually.CountAsync(log.ReceivedAsync, 5));
        await forgotten.Task.WaitAsync(RabbitMQStreamsFixture.StreamInactivityPeriod * 5);

        for (var sequence = 5; sequence < 10; sequence++)
        {
            await stream.OnNextAsync(new ParcelEvent(key, sequence, "delivered"));
        }

        Assert.Equal(Enumerable.Range(0, 10), await Eventually.CountAsync(log.ReceivedAsync, 10));
        await Task.Delay(500);
        Assert.Equal(Enumerable.Range(0, 10), await log.ReceivedAsync());
    }

    private sealed class Watcher(Action<StreamingEvents.StreamingEvent> onNext) : IObserver<StreamingEvents.StreamingEvent>
    {
        public void OnNext(StreamingEvents.StreamingEvent value) => onNext(value);

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
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
