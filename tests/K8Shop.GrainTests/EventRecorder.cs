using System.Collections.Concurrent;
using K8Shop.Contracts.Events;
using Orleans.Streams;

namespace K8Shop.GrainTests;

/// <summary>Records what grains publish on one event stream, for tests that check events.</summary>
internal static class EventRecorder
{
    public static async Task<ConcurrentQueue<IntegrationEvent>> SubscribeAsync(IClusterClient client, string ns, string key)
    {
        var received = new ConcurrentQueue<IntegrationEvent>();
        await client.GetStreamProvider(EventStreams.ProviderName).GetStream<IntegrationEvent>(StreamId.Create(ns, key))
            .SubscribeAsync((e, _) =>
            {
                received.Enqueue(e);
                return Task.CompletedTask;
            });
        return received;
    }

    /// <summary>What arrived once <paramref name="count"/> events did (or 10 s passed); with <paramref name="settle"/>, a little after, to catch extras.</summary>
    public static async Task<IntegrationEvent[]> WaitForAsync(ConcurrentQueue<IntegrationEvent> received, int count, bool settle = false)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (received.Count < count && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        if (settle)
            await Task.Delay(300);
        return [.. received];
    }
}
