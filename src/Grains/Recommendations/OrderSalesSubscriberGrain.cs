using K8Shop.Contracts.Events;
using K8Shop.Contracts.Recommendations;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace K8Shop.Grains.Recommendations;

/// <summary>Receives the order events of one stream of namespace <c>orders</c>; nobody calls it.</summary>
public interface IOrderSalesSubscriberGrain : IGrainWithStringKey;

/// <summary>
/// Implicitly subscribed to every stream of namespace <c>orders</c> on any stream provider (whatever key the publisher
/// uses: a string key takes any stream key), it passes confirmed and cancelled orders on to the
/// <see cref="IPopularityGrain"/>, the buyer's <see cref="IShopperTasteGrain"/> and each book's <see cref="IBookBuyersGrain"/>
/// and awaits them, so a failure reaches the stream provider, which may deliver again (each counts an event once).
/// </summary>
[ImplicitStreamSubscription(StreamNamespace)]
[CollectionAgeLimit(Minutes = GrainLifetimes.ShortLivedIdleMinutes)]
public sealed partial class OrderSalesSubscriberGrain(ILogger<OrderSalesSubscriberGrain> logger)
    : Grain, IOrderSalesSubscriberGrain, IStreamSubscriptionObserver, IAsyncObserver<IntegrationEvent>
{
    /// <summary>The namespace order events travel in: the routing key's first segment (<c>orders.order_confirmed</c>).</summary>
    public const string StreamNamespace = IntegrationEvent.Exchange;

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<IntegrationEvent>().ResumeAsync(this);

    public async Task OnNextAsync(IntegrationEvent item, StreamSequenceToken? token = null)
    {
        if (item is not OrderEvent order || SalesTally.FromEvent(order) is not { } sale)
            return;
        var skus = sale.Lines.Where(l => l.Quantity > 0 && !string.IsNullOrWhiteSpace(l.Sku)).Select(l => TasteTally.Normalize(l.Sku)).Distinct().ToList();
        var popularity = GrainFactory.GetGrain<IPopularityGrain>(0).RecordAsync(sale);
        IEnumerable<Task> tastes = string.IsNullOrWhiteSpace(order.UserId)
            ? []
            : skus.Select(sku => GrainFactory.GetGrain<IBookBuyersGrain>(sku).RecordAsync(order.OrderId, order.UserId, sale.Returned))
                .Append(GrainFactory.GetGrain<IShopperTasteGrain>(order.UserId).RecordOrderAsync(order.OrderId, sale.Returned, [.. skus]));
        await Task.WhenAll(tastes.Append(popularity));
        if (await popularity)
            LogApplied(order.Event, order.OrderId, order.MessageId);
        // The sale is passed on; a later event of this order (a cancel) activates the subscriber again (see GrainLifetimes).
        DeactivateOnIdle();
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(ex, this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sales ranking applied {Event} of order {OrderId} (message {MessageId})")]
    private partial void LogApplied(string @event, string orderId, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order event stream {StreamKey} reported an error")]
    private partial void LogStreamError(Exception ex, string streamKey);
}
