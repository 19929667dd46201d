using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// Links a partition's failure handler to its current receiver: the agent asks the factory for each separately, and a
/// receiver is replaced when the partition moves between silos.
/// </summary>
internal sealed class DeliveryFailures
{
    /// <summary>Nacks the delivery with this sequence number; set by the partition's receiver.</summary>
    public Func<long, Task>? Nack { get; set; }
}

/// <summary>
/// Nacks a message whose delivery Orleans gave up on (after <c>MaxEventDeliveryTime</c> of retries): the broker
/// redelivers it until the delivery limit, then dead-letters it. It has to happen here, because Orleans' simple queue
/// cache never reports a failed message as purged. Subscriptions are not faulted, so one poison event does not end a
/// subscriber's stream.
/// </summary>
internal sealed partial class RabbitMQStreamFailureHandler(DeliveryFailures failures, ILogger logger) : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public async Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        LogDeliveryFailed(streamProviderName, streamIdentity, subscriptionId.Guid, sequenceToken?.SequenceNumber);
        if (sequenceToken is not null && failures.Nack is { } nack)
        {
            await nack(sequenceToken.SequenceNumber);
        }
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
