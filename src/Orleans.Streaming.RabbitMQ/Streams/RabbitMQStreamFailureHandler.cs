using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>The sequence numbers of a partition's messages that some subscriber failed to process.</summary>
internal sealed class DeliveryFailures
{
    private readonly ConcurrentDictionary<long, byte> _failed = new();

    public void Add(long sequenceNumber) => _failed.TryAdd(sequenceNumber, 0);

    public bool TryTake(long sequenceNumber) => _failed.TryRemove(sequenceNumber, out _);
}

/// <summary>
/// Marks a message whose delivery Orleans gave up on (after <c>MaxEventDeliveryTime</c> of retries), so its receiver
/// nacks it instead of acking it: the broker redelivers it until the delivery limit, then dead-letters it. Subscriptions
/// are not faulted, so one poison event does not end a subscriber's stream.
/// </summary>
internal sealed partial class RabbitMQStreamFailureHandler(DeliveryFailures failures, ILogger logger) : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        if (sequenceToken is not null)
        {
            failures.Add(sequenceToken.SequenceNumber);
        }

        LogDeliveryFailed(streamProviderName, streamIdentity, subscriptionId.Guid, sequenceToken?.SequenceNumber);
        return Task.CompletedTask;
    }

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        LogSubscriptionFailed(streamProviderName, streamIdentity, subscriptionId.Guid);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream provider {ProviderName}: delivery to subscription {SubscriptionId} of stream {StreamId} failed (sequence {SequenceNumber}); the message will be nacked")]
    private partial void LogDeliveryFailed(string providerName, StreamId streamId, Guid subscriptionId, long? sequenceNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream provider {ProviderName}: subscription {SubscriptionId} of stream {StreamId} failed")]
    private partial void LogSubscriptionFailed(string providerName, StreamId streamId, Guid subscriptionId);
}
