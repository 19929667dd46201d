using System.Collections.Immutable;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Storage;
using Orleans.Runtime;
using Orleans.Streams;

using K8Shop.Grains.Events;

namespace K8Shop.Grains.Durability;

/// <summary>
/// Events a grain stored with the state change that caused them, published after the write. A publish that fails
/// leaves the event in the outbox and fails the call, so the caller's retry (or the grain's reminder) publishes it
/// again: every stored event reaches the broker at least once, under a message id that does not change, so
/// consumers act once.
/// </summary>
public static class EventOutbox
{
    /// <summary>Publishes the outbox in order; answers what is left (empty when all were confirmed), never throwing.</summary>
    public static async Task<(ImmutableArray<IntegrationEvent> Left, Exception? Failure)> PublishAsync(
        IStreamProvider streams, ImmutableArray<IntegrationEvent> outbox)
    {
        for (var i = 0; i < outbox.Length; i++)
        {
            // The transport records the publish (RabbitMQ.Client's producer span, or the in-process bound queues' own).
            try
            {
                await streams.GetStream<IntegrationEvent>(StreamOf(outbox[i])).OnNextAsync(outbox[i]);
                EventTelemetry.PublishedOne(outbox[i]);
            }
            catch (Exception ex)
            {
                System.Diagnostics.Activity.Current?.AddException(ex);
                return (outbox[i..], ex);
            }
        }
        return ([], null);
    }

    /// <summary>The stream an event goes to: namespace from its routing key ("orders"), key its correlation id.</summary>
    public static StreamId StreamOf(IntegrationEvent @event) => StreamId.Create(@event.StreamNamespace, @event.CorrelationId);

    /// <summary>The failure a caller sees when an event could not be published yet (503: retry).</summary>
    public static StorageUnavailableException Unpublished(string key, Exception cause) =>
        new("events", $"the change to {key} is stored but its event could not be published yet ({cause.GetType().Name}); retry");
}
