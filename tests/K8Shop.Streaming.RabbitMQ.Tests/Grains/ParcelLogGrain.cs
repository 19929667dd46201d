using Orleans.Streams;
using Orleans.Streams.Core;

namespace K8Shop.Streaming.RabbitMQ.Tests.Grains;

/// <summary>What an implicit subscriber of a "parcels" stream received, in arrival order (duplicates included).</summary>
public interface IParcelLogGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<int>> ReceivedAsync();
}

[ImplicitStreamSubscription(TestStreams.Parcels)]
public sealed class ParcelLogGrain : Grain, IParcelLogGrain, IStreamSubscriptionObserver
{
    private readonly List<int> _received = [];

    public Task<IReadOnlyList<int>> ReceivedAsync() => Task.FromResult<IReadOnlyList<int>>([.. _received]);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<ParcelEvent>().ResumeAsync((parcel, _) =>
        {
            _received.Add(parcel.Sequence);
            return Task.CompletedTask;
        });
}
