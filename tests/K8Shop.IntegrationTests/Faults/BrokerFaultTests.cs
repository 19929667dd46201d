using System.Net;
using K8Shop.Contracts.Faults;
using System.Diagnostics;
using K8Shop.TestSupport;
using Xunit.Abstractions;
using Microsoft.Extensions.Logging;

namespace K8Shop.IntegrationTests.Faults;

/// <summary>
/// <c>broker-publish-nack</c> and <c>broker-connection-drop</c> on the events stream provider (RabbitMQ): the publisher
/// retries, the outbox keeps the event and the checkout answers 503; once the switch is off the due-work sweep
/// publishes it, and every event reaches the broker exactly once, the shopper is e-mailed once.
/// </summary>
[Collection(InfraFaultCollection.Name)]
public sealed class BrokerFaultTests(InfraFaultFixture shop, ITestOutputHelper output)
{
    [NotificationFact]
    public async Task BrokerPublishNack_Checkout_Answers503AfterThePublisherRetries_ThenTheOutboxPublishesEveryEventOnceWhenOff()
    {
        const string sku = "BOOK-131";
        var user = $"nack-{Guid.NewGuid():N}"[..20];
        await shop.SetStockAsync(sku, 5);
        var before = shop.Injected(FaultNames.BrokerPublishNack);

        await shop.OnAsync(FaultNames.BrokerPublishNack);
        HttpResponseMessage checkout;
        long firings;
        try
        {
            var started = Stopwatch.GetTimestamp();
            checkout = await shop.PlaceOrderAsync(user, sku, 1);
            firings = shop.Injected(FaultNames.BrokerPublishNack) - before;
            output.WriteLine($"checkout under nacks: {(int)checkout.StatusCode} after {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms, {firings} attempts nacked");
        }
        finally
        {
            await shop.OffAsync(FaultNames.BrokerPublishNack);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, checkout.StatusCode);
        Assert.True(firings >= 5, $"the publish was nacked {firings} time(s); the publisher retries 5 times before the outbox keeps it");
        await AssertEveryEventOfTheUserPublishedOnceAsync(user, sku, 5);
    }

    [NotificationFact]
    public async Task BrokerConnectionDrop_Checkout_RecoversTheConnectionsAfterOff_AndLosesNoEvent()
    {
        const string sku = "BOOK-132";
        var user = $"drop-{Guid.NewGuid():N}"[..20];
        await shop.SetStockAsync(sku, 5);
        var logged = shop.Host.Logs.Count;

        await shop.OnAsync(FaultNames.BrokerConnectionDrop);
        HttpResponseMessage checkout;
        try
        {
            checkout = await shop.PlaceOrderAsync(user, sku, 1);
        }
        finally
        {
            await shop.OffAsync(FaultNames.BrokerConnectionDrop);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, checkout.StatusCode);
        await AssertEveryEventOfTheUserPublishedOnceAsync(user, sku, 5);
        var lines = shop.Host.Logs.Skip(logged).Where(l => l.Category.StartsWith("Orleans.Streaming.RabbitMQ", StringComparison.Ordinal)).ToList();
        // Both connections were really closed (the client's shutdown event), then opened again, and the partitions consumed again.
        Assert.Contains(lines, l => l.Message.Contains(":publish lost", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Message.Contains(":consume lost", StringComparison.Ordinal));
        var lastLost = lines.FindLastIndex(l => l.Message.Contains(" lost", StringComparison.Ordinal));
        Assert.Contains(lines.Skip(lastLost), l => l.Level == LogLevel.Information && l.Message.Contains(":publish open", StringComparison.Ordinal));
        await InfraFaultFixture.WaitUntilAsync(
            () => Task.FromResult(shop.Host.Logs.Skip(logged).Any(l => l.Level == LogLevel.Information
                && l.Message.StartsWith("Consuming RabbitMQ queue", StringComparison.Ordinal) && l.Message.Contains(" with prefetch ", StringComparison.Ordinal))),
            InfraFaultFixture.Patience, "no partition receiver consumed again after its connection was dropped");
    }

    /// <summary>The order settles by the due-work sweep, the invariants hold, and each of its events is on the broker exactly once.</summary>
    private async Task AssertEveryEventOfTheUserPublishedOnceAsync(string user, string sku, int stock)
    {
        var started = Stopwatch.GetTimestamp();
        var order = Assert.Single(await shop.SettledOrdersOfAsync(user, 1));
        output.WriteLine($"order settled by the due-work sweep {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms after the switch went off: {order.GetProperty("status").GetString()}");
        var orderId = order.GetProperty("orderId").GetString();
        await shop.AssertInvariantsAsync(sku, stock, new Dictionary<string, int> { [user] = 1 });
        await Task.Delay(500);
        var events = shop.Published.Where(e => e.CorrelationId == orderId).ToList();
        Assert.Contains(events, e => e.RoutingKey == "orders.order_created");
        Assert.Contains(events, e => e.RoutingKey == "orders.order_confirmed");
        Assert.All(events.GroupBy(e => e.MessageId), g => Assert.True(g.Count() == 1, $"{g.First().RoutingKey} ({g.Key}) reached the broker {g.Count()} times"));
    }
}
