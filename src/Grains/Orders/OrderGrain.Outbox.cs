using K8Shop.Contracts.Events;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Storage;
using K8Shop.Grains.Events;

namespace K8Shop.Grains.Orders;

/// <summary>The order's events (its outbox) and its reminder: what keeps a stored transition from being forgotten.</summary>
public sealed partial class OrderGrain
{
    /// <summary>The event a transition from <paramref name="from"/> into <paramref name="to"/> publishes, if any.</summary>
    private static string? EventName(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        _ when from == to => null,
        (OrderStatus.ReturnRequested, OrderStatus.Shipped or OrderStatus.Delivered) => ReturnDeclined,
        (_, OrderStatus.Confirmed) => "order.confirmed",
        (_, OrderStatus.Rejected or OrderStatus.PaymentFailed) => "order.rejected",
        (_, OrderStatus.Cancelled) => "order.cancelled",
        (_, OrderStatus.Shipped) => "order.shipped",
        (_, OrderStatus.ReturnRequested) => ReturnRequested,
        (_, OrderStatus.Returned) => "order.returned",
        _ => null,
    };

    private const string ReturnRequested = "order.return_requested";
    private const string ReturnDeclined = "order.return_declined";

    private OrderEvent EventFor(string name, DateTimeOffset at) => new()
    {
        // A return may be requested and declined more than once, each time a new fact: its message id names the
        // transition (stable across a redo, as the timeline it counts is stored with it). Other events happen once.
        MessageId = IntegrationEvent.StableMessageId(name is ReturnRequested or ReturnDeclined ? $"{OrderId}#{Order.Timeline.Length}" : OrderId, name),
        CorrelationId = OrderId,
        OccurredAt = at,
        Event = name,
        OrderId = OrderId,
        UserId = Order.UserId,
        Status = Order.Status.Wire(),
        Items = [.. Order.Lines.Select(l => new OrderEventLine(l.Sku, l.Quantity, l.Price, l.Total, l.Title))],
        Total = Order.Total,
        ItemCount = Order.ItemCount,
        CreatedAt = Order.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        Reason = Order.Reason,
    };

    /// <summary>Publishes what the outbox holds; the emptied outbox is stored with the next write (a replay before it publishes again, under the same message ids).</summary>
    private async Task PublishOutboxAsync()
    {
        if (Order.Outbox.IsEmpty)
            return;
        EventTelemetry.Outbox(OrderId, Order.Outbox[0].OccurredAt);
        var (left, failure) = await EventOutbox.PublishAsync(this.GetStreamProvider(EventStreams.ProviderName), Order.Outbox);
        Order.Outbox = left;
        EventTelemetry.Outbox(OrderId, left.IsEmpty ? null : left[0].OccurredAt);
        if (failure is not null)
        {
            LogUnpublished(failure, OrderId, left.Length);
            throw EventOutbox.Unpublished(OrderId, failure);
        }
    }

    /// <summary>
    /// The answer waits neither for the last events nor for the reminder's removal: a timer publishes and forgets once
    /// this call is over (grain timers do not interleave), after making sure the payment's event is out too. Were any
    /// of it lost to a crash or a broker outage, the reminder is still there: its next tick does it again, and removes
    /// itself once the order is done.
    /// </summary>
    private void FinishAfterThisCall()
    {
        // The timer runs outside this call: its publishing joins the trace of the request that caused it.
        var cause = System.Diagnostics.Activity.Current?.Context ?? default;
        _finishing ??= this.RegisterGrainTimer(async () =>
        {
            _finishing?.Dispose();
            _finishing = null;
            if (!Order.Placed)
                return;
            using var activity = cause == default ? null : OrderTelemetry.Source.StartActivity("order finish", System.Diagnostics.ActivityKind.Internal, cause);
            try
            {
                // The payment answers before its event is out; the order is not done until it is, and its own
                // settling event follows the payment's.
                if (Order.Status.IsSettled() && Order.Payment?.PaymentId is not null)
                    await Payment().PublishPendingAsync();
                await PublishOutboxAsync();
            }
            catch (StorageUnavailableException)
            {
                // Logged; the events stay in their outboxes for the reminder's next tick.
                return;
            }
            if (Done)
                await ForgetReminderAsync();
        }, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private async Task RememberAsync() =>
        _reminder = await this.RegisterOrUpdateReminder(ReminderName, _options.ResumeAfter, _options.ResumeAfter);

    private async Task ForgetReminderAsync()
    {
        var reminder = _reminder ?? await this.GetReminder(ReminderName);
        if (reminder is not null)
            await this.UnregisterReminder(reminder);
        _reminder = null;
    }
}
