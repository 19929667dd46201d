using System.Collections.Immutable;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Storage;
using K8Shop.Grains.Durability;
using K8Shop.Grains.Events;

namespace K8Shop.Grains.Orders;

/// <summary>The order's events (its outbox) and its place in the due-work index: what keeps a stored transition from being forgotten.</summary>
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

    private OrderEvent EventFor(OrderState order, string name, DateTimeOffset at) => new()
    {
        // A return may be requested and declined more than once, each time a new fact: its message id names the
        // transition (stable across a redo, as the timeline it counts is stored with it). Other events happen once.
        MessageId = IntegrationEvent.StableMessageId(name is ReturnRequested or ReturnDeclined ? $"{OrderId}#{order.Timeline.Length}" : OrderId, name),
        CorrelationId = OrderId,
        OccurredAt = at,
        Event = name,
        OrderId = OrderId,
        UserId = order.UserId,
        Status = order.Status.Wire(),
        Items = [.. order.Lines.Select(l => new OrderEventLine(l.Sku, l.Quantity, l.Price, l.Total, l.Title))],
        Total = order.Total,
        ItemCount = order.ItemCount,
        CreatedAt = order.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        Reason = order.Reason,
    };

    /// <summary>
    /// Publishes what the outbox holds. Confirmed events are forgotten in memory at once; the emptied outbox is stored
    /// with the next write (a replay before it publishes again, under the same message ids, which consumers drop).
    /// </summary>
    private async Task PublishOutboxAsync()
    {
        if (Order.Outbox.IsEmpty)
            return;
        EventTelemetry.Outbox(OrderId, Order.Outbox[0].OccurredAt);
        var sent = Order.Outbox;
        var (left, failure) = await EventOutbox.PublishAsync(this.GetStreamProvider(EventStreams.ProviderName), sent);
        var published = sent[..(sent.Length - left.Length)];
        state.State = state.State with { Outbox = Without(state.State.Outbox, published) };
        if (_unstored is { } unstored)
            _unstored = unstored with { Outbox = Without(unstored.Outbox, published) };
        EventTelemetry.Outbox(OrderId, left.IsEmpty ? null : left[0].OccurredAt);
        if (failure is not null)
        {
            LogUnpublished(failure, OrderId, left.Length);
            throw EventOutbox.Unpublished(OrderId, failure);
        }
    }

    private static ImmutableArray<IntegrationEvent> Without(ImmutableArray<IntegrationEvent> outbox, ImmutableArray<IntegrationEvent> published) =>
        [.. outbox.Where(e => !published.Contains(e))];

    /// <summary>
    /// The answer waits neither for the last events nor for the index: a timer publishes once this call is over and
    /// tells the due-work index the order is done. Were any of it lost to a crash or a broker outage, the order is still
    /// in the index, and the sweep does it again. The payment publishes its own event.
    /// </summary>
    private void FinishAfterThisCall()
    {
        // The timer runs outside this call: its publishing joins the trace of the request that caused it.
        var cause = System.Diagnostics.Activity.Current?.Context ?? default;
        _finishing ??= new AfterThisCall(this, () => FinishAsync(cause));
        _finishing.Schedule();
    }

    private async Task FinishAsync(System.Diagnostics.ActivityContext cause)
    {
        if (!Order.Placed)
            return;
        using var activity = cause == default ? null : OrderTelemetry.Source.StartActivity("order finish", System.Diagnostics.ActivityKind.Internal, cause);
        try
        {
            await PublishOutboxAsync();
        }
        catch (StorageUnavailableException)
        {
            // Logged; the events stay in the outbox for the sweep.
            return;
        }
        if (!Done)
            return;
        GrainFactory.WorkDone(OrderId, this.GetGrainId());
        ForgetUnchargedPayment();
    }

    /// <summary>An order that settled without a charge has no payment event to wait for: its payment leaves the index.</summary>
    private void ForgetUnchargedPayment()
    {
        if (Order.Status.IsSettled() && Order.Payment?.PaymentId is null)
            GrainFactory.WorkDone(OrderId, Payment().GetGrainId());
    }
}
