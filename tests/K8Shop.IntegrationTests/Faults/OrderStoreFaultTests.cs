using System.Diagnostics;
using System.Net;
using K8Shop.Contracts.Faults;
using K8Shop.TestSupport;
using Xunit.Abstractions;

namespace K8Shop.IntegrationTests.Faults;

/// <summary><c>postgres-slow-writes</c> on the order and payment storages (PostgreSQL): every durable step of the user's checkout waits.</summary>
[Collection(InfraFaultCollection.Name)]
public sealed class OrderStoreFaultTests(InfraFaultFixture shop, ITestOutputHelper output)
{
    [NotificationFact]
    public async Task PostgresSlowWrites_ScopedToOneUser_ThatUsersCheckoutWaitsOnEveryWrite_OthersDoNot_AndOffItIsFastAgain()
    {
        const string sku = "BOOK-129";
        const int latencyMs = 700;
        var slow = $"pgslow-{Guid.NewGuid():N}"[..20];
        var other = $"pgslow-{Guid.NewGuid():N}"[..20];
        await shop.SetStockAsync(sku, 10);

        await shop.OnAsync(FaultNames.PostgresSlowWrites, latencyMs: latencyMs, scope: FaultScope.ForUser(slow));
        TimeSpan delayed, spared;
        long firings;
        try
        {
            delayed = await TimedCheckoutAsync(slow, sku);
            firings = shop.Injected(FaultNames.PostgresSlowWrites);
            spared = await TimedCheckoutAsync(other, sku);
        }
        finally
        {
            await shop.OffAsync(FaultNames.PostgresSlowWrites);
        }
        var afterOff = await TimedCheckoutAsync(slow, sku);
        output.WriteLine($"checkout with {latencyMs} ms per write: {delayed.TotalMilliseconds:F0} ms ({firings} writes slowed); other user {spared.TotalMilliseconds:F0} ms; after off {afterOff.TotalMilliseconds:F0} ms");

        // Pending, reserved, paid (with the payment's own write) and confirmed are each stored before the answer.
        Assert.True(delayed >= InfraFaultFixture.AtLeast(3 * latencyMs), $"the checkout took {delayed.TotalMilliseconds} ms with {latencyMs} ms per write");
        Assert.True(firings >= 3, $"only {firings} writes were slowed");
        Assert.True(spared < TimeSpan.FromMilliseconds(3 * latencyMs), $"another user's checkout took {spared.TotalMilliseconds} ms");
        Assert.True(afterOff < TimeSpan.FromMilliseconds(3 * latencyMs), $"the checkout took {afterOff.TotalMilliseconds} ms after the switch went off");
        await shop.AssertInvariantsAsync(sku, 10, new Dictionary<string, int> { [slow] = 2, [other] = 1 });
    }

    private async Task<TimeSpan> TimedCheckoutAsync(string user, string sku)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await shop.PlaceOrderAsync(user, sku, 1);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return elapsed;
    }
}
