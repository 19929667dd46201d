using Orleans.Runtime;
using Orleans.Streams;

namespace K8Shop.Streaming.RabbitMQ.Tests.Grains;

/// <summary>An explicit subscriber of one "parcels" stream.</summary>
public interface IParcelWatcherGrain : IGrainWithStringKey
{
    Task WatchAsync(string streamKey);

    Task<IReadOnlyList<int>> ReceivedAsync();
}

public sealed class ParcelWatcherGrain : Grain, IParcelWatcherGrain
{
    private readonly List<int> _received = [];

    public async Task WatchAsync(string streamKey)
    {
        var stream = this.GetStreamProvider(TestStreams.Provider).GetStream<ParcelEvent>(StreamId.Create(TestStreams.Parcels, streamKey));
        await stream.SubscribeAsync((parcel, _) =>
        {
            _received.Add(parcel.Sequence);
            return Task.CompletedTask;
        });
    }

    public Task<IReadOnlyList<int>> ReceivedAsync() => Task.FromResult<IReadOnlyList<int>>([.. _received]);
}
