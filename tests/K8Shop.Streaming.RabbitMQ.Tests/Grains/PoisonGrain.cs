using System.Collections.Concurrent;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace K8Shop.Streaming.RabbitMQ.Tests.Grains;

public interface IPoisonGrain : IGrainWithStringKey;

/// <summary>An implicit subscriber of "poison" streams that fails on every event, counting the attempts per event id.</summary>
[ImplicitStreamSubscription(TestStreams.Poison)]
public sealed class PoisonGrain : Grain, IPoisonGrain, IStreamSubscriptionObserver
{
    public static ConcurrentDictionary<string, int> Attempts { get; } = new();

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<PoisonEvent>().ResumeAsync((poison, _) =>
        {
            Attempts.AddOrUpdate(poison.Id, 1, (_, count) => count + 1);
            throw new InvalidOperationException($"poison {poison.Id} always fails");
        });
}
