using Microsoft.Extensions.Logging;
using Orleans.Streams;
using RabbitMQ.Client;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// Settling deliveries: acked once Orleans delivered them (a purged batch at a time), nacked when Orleans gave up on
/// them. Each delivery waits in <c>_pending</c> from its arrival until it is settled here.
/// </summary>
internal sealed partial class RabbitMQAdapterReceiver
{
    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        // Everything this call settles leaves _pending before the first await, so a NackAsync meanwhile cannot settle it too.
        var delivered = new List<PendingDelivery>(messages.Count);
        var newest = long.MinValue;
        foreach (var message in messages)
        {
            var sequenceNumber = message.SequenceToken.SequenceNumber;
            newest = Math.Max(newest, sequenceNumber);
            if (_pending.TryRemove(sequenceNumber, out var delivery))
            {
                delivered.Add(delivery);
            }
        }

        // The cache purges oldest first and leaves failed messages out, so anything older still pending was not delivered.
        var failed = new List<(long SequenceNumber, PendingDelivery Delivery)>();
        foreach (var sequenceNumber in _pending.Keys.Where(key => key < newest).Order())
        {
            if (_pending.TryRemove(sequenceNumber, out var delivery))
            {
                failed.Add((sequenceNumber, delivery));
            }
        }

        // Nacked before the acks below, which settle every earlier tag on their channel.
        foreach (var (sequenceNumber, delivery) in failed)
        {
            await NackAsync(delivery, sequenceNumber, cancellationToken);
        }

        foreach (var channel in delivered.GroupBy(delivery => delivery.Channel))
        {
            await AckAsync(channel.Key, [.. channel], newest, cancellationToken);
        }
    }

    /// <summary>
    /// Acks a channel's delivered messages with one <c>basic.ack</c> for the newest of them (<c>multiple</c>), not one per
    /// message: a quorum queue applies each ack as a command in its replicated log. Every earlier tag on the channel is
    /// settled by then: delivered in this batch or before, nacked just before, or rejected on arrival. Later deliveries
    /// have later tags, since one consumer per channel receives them one at a time, in tag order.
    /// </summary>
    private async Task AckAsync(IChannel channel, IReadOnlyList<PendingDelivery> deliveries, long newest, CancellationToken cancellationToken)
    {
        if (!channel.IsOpen)
        {
            // Its channel is gone, so the broker has already requeued them: nothing to settle.
            return;
        }

        try
        {
            await channel.BasicAckAsync(deliveries.Max(delivery => delivery.DeliveryTag), multiple: true, cancellationToken);
            foreach (var delivery in deliveries)
            {
                RabbitMQEventMetrics.Consumed(delivery.RoutingKey, queueName);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Unsettled, the messages come back when their channel closes: delivered at least once, maybe twice.
            LogSettleFailed(exception, queueName, newest);
        }
    }

    /// <summary>Nacks a delivery some subscriber failed to process, when it is still unsettled (the failure handler calls it).</summary>
    public async Task NackAsync(long sequenceNumber)
    {
        if (_pending.TryRemove(sequenceNumber, out var delivery))
        {
            await NackAsync(delivery, sequenceNumber, CancellationToken.None);
        }
    }

    private async Task NackAsync(PendingDelivery delivery, long sequenceNumber, CancellationToken cancellationToken)
    {
        if (!delivery.Channel.IsOpen)
        {
            // Its channel is gone, so the broker has already requeued it: nothing to settle.
            return;
        }

        try
        {
            // Quorum queues count deliveries and dead-letter past x-delivery-limit; a classic queue has no such
            // count, so a message that already failed once goes to the dead-letter exchange now. Bound queues are quorum.
            var quorum = bound is not null || options.QueueType == RabbitMQQueueType.Quorum;
            var requeue = quorum || !delivery.Redelivered;
            LogNacked(queueName, delivery.MessageId, requeue);
            await delivery.Channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue, cancellationToken);
            // The broker dead-letters a quorum queue's message when this return uses up its delivery limit.
            if (!requeue || delivery.PriorDeliveries + 1 > (bound?.DeliveryLimit ?? options.DeliveryLimit))
            {
                RabbitMQEventMetrics.DeadLettered(queueName);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Unsettled, the message comes back when its channel closes: delivered at least once, maybe twice.
            LogSettleFailed(exception, queueName, sequenceNumber);
        }
    }

    private sealed record PendingDelivery(IChannel Channel, ulong DeliveryTag, bool Redelivered, string? MessageId, string RoutingKey, long PriorDeliveries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on {QueueName} was not delivered; nacked (requeue: {Requeue})")]
    private partial void LogNacked(string queueName, string? messageId, bool requeue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling delivery {SequenceNumber} on {QueueName} failed; the broker will redeliver it")]
    private partial void LogSettleFailed(Exception exception, string queueName, long sequenceNumber);
}
