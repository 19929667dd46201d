using System.Diagnostics;
using System.Net;
using System.Text.Json;
using K8Shop.Contracts.Faults;
using K8Shop.TestSupport;
using Xunit.Abstractions;

namespace K8Shop.IntegrationTests.Faults;

/// <summary>
/// <c>dynamodb-throttling</c> and <c>dynamodb-latency</c> on the inventory's real DynamoDB client (dynalite): the SDK
/// retries the throttled write, the reservation answers 503, only the SKU in scope is hit, and a checkout caught by it
/// is finished by its reminder once the switch is off, overselling and charging nothing twice.
/// </summary>
[Collection(InfraFaultCollection.Name)]
public sealed class InventoryFaultTests(InfraFaultFixture shop, ITestOutputHelper output)
{
    [NotificationFact]
    public async Task DynamoDBThrottling_ScopedToOneSku_ThatSkuAnswers503AfterTheSdkRetries_OthersReserve_AndOffItReservesAgain()
    {
        const string hit = "BOOK-121", spared = "BOOK-122";
        await shop.SetStockAsync(hit, 10);
        await shop.SetStockAsync(spared, 10);
        var before = shop.Injected(FaultNames.DynamoDBThrottling);

        await shop.OnAsync(FaultNames.DynamoDBThrottling, scope: FaultScope.ForSku(hit));
        HttpResponseMessage throttled, other;
        long firings;
        try
        {
            var started = Stopwatch.GetTimestamp();
            throttled = await shop.ReserveAsync(hit, $"thr-{Guid.NewGuid():N}", 2);
            firings = shop.Injected(FaultNames.DynamoDBThrottling) - before;
            output.WriteLine($"throttled reservation: {(int)throttled.StatusCode} after {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms, {firings} attempts throttled");
            other = await shop.ReserveAsync(spared, $"thr-{Guid.NewGuid():N}", 2);
        }
        finally
        {
            await shop.OffAsync(FaultNames.DynamoDBThrottling);
        }
        var after = await shop.ReserveAsync(hit, $"thr-{Guid.NewGuid():N}", 3);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, throttled.StatusCode);
        Assert.Equal("inventory store unavailable", JsonDocument.Parse(await throttled.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        // One write, several attempts: the SDK's retry handler treated the answer as throttling and tried again.
        Assert.True(firings >= 2, $"the throttled write was attempted {firings} time(s); the SDK should have retried it");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        // The refused reservation holds nothing: only the one made after the switch went off.
        var stock = await shop.StockAsync(hit);
        Assert.Equal((10, 3, 7), (stock.GetProperty("on_hand").GetInt32(), stock.GetProperty("reserved").GetInt32(), stock.GetProperty("available").GetInt32()));
    }

    [NotificationFact]
    public async Task DynamoDBThrottling_DuringCheckout_Answers503_ThenTheReminderConfirmsTheOrderOnceOff_WithNothingOversoldOrChargedTwice()
    {
        const string sku = "BOOK-123";
        var user = $"thr-{Guid.NewGuid():N}"[..20];
        await shop.SetStockAsync(sku, 5);

        await shop.OnAsync(FaultNames.DynamoDBThrottling, scope: FaultScope.ForSku(sku));
        HttpResponseMessage checkout;
        IReadOnlyList<JsonElement> during;
        try
        {
            checkout = await shop.PlaceOrderAsync(user, sku, 2);
            await Task.Delay(TimeSpan.FromSeconds(3)); // a reminder tick meets the fault too
            during = await shop.OrdersOfAsync(user);
        }
        finally
        {
            await shop.OffAsync(FaultNames.DynamoDBThrottling);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, checkout.StatusCode);
        Assert.Equal("pending", Assert.Single(during).GetProperty("status").GetString());
        // Nobody calls again: the reminder resumes the stored order once the writes go through.
        var order = Assert.Single(await shop.SettledOrdersOfAsync(user, 1));
        Assert.Equal("confirmed", order.GetProperty("status").GetString());
        await shop.AssertInvariantsAsync(sku, 5, new Dictionary<string, int> { [user] = 1 });
    }

    [NotificationFact]
    public async Task DynamoDBLatency_ScopedToOneSku_ItsWritesTakeTheLatency_AndOffTheyDoNot()
    {
        const string slow = "BOOK-124", other = "BOOK-125";
        const int latencyMs = 1500;
        await shop.SetStockAsync(slow, 10);
        await shop.SetStockAsync(other, 10);

        await shop.OnAsync(FaultNames.DynamoDBLatency, latencyMs: latencyMs, scope: FaultScope.ForSku(slow));
        TimeSpan delayed, spared;
        try
        {
            delayed = await TimedReserveAsync(slow);
            spared = await TimedReserveAsync(other);
        }
        finally
        {
            await shop.OffAsync(FaultNames.DynamoDBLatency);
        }
        var afterOff = await TimedReserveAsync(slow);
        output.WriteLine($"reservation with {latencyMs} ms write latency: {delayed.TotalMilliseconds:F0} ms; other SKU {spared.TotalMilliseconds:F0} ms; after off {afterOff.TotalMilliseconds:F0} ms");

        Assert.True(delayed >= InfraFaultFixture.AtLeast(latencyMs), $"a reservation of {slow} took {delayed.TotalMilliseconds} ms with {latencyMs} ms of write latency on");
        Assert.True(spared < TimeSpan.FromMilliseconds(latencyMs), $"a reservation of {other}, outside the scope, took {spared.TotalMilliseconds} ms");
        Assert.True(afterOff < TimeSpan.FromMilliseconds(latencyMs), $"a reservation of {slow} took {afterOff.TotalMilliseconds} ms after the switch went off");
        var stock = await shop.StockAsync(slow);
        Assert.Equal((2, 8), (stock.GetProperty("reserved").GetInt32(), stock.GetProperty("available").GetInt32()));
    }

    private async Task<TimeSpan> TimedReserveAsync(string sku)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await shop.ReserveAsync(sku, $"lat-{Guid.NewGuid():N}", 1);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return elapsed;
    }
}
