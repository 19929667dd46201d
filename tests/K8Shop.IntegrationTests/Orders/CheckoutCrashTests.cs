using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using K8Shop.Contracts.Orders;
using K8Shop.IntegrationTests.Identity;
using K8Shop.IntegrationTests.OrleansAdoNet;
using K8Shop.TestSupport;
using Xunit.Abstractions;

namespace K8Shop.IntegrationTests.Orders;

/// <summary>
/// The silo process is killed (SIGKILL) in the middle of checkouts and started again on the same PostgreSQL,
/// Redis and DynamoDB table. Nothing the shop acknowledged is lost, every order the crash interrupted is finished
/// by the due-work sweep with no client calling again, no stock is leaked and no order is charged twice.
/// </summary>
public sealed class CheckoutCrashTests(ITestOutputHelper output)
{
    private static readonly string[] Skus = ["BOOK-001", "BOOK-002", "BOOK-003"];
    private const int StockPerSku = 40;
    private const int Checkouts = 120;
    private const int Clients = 16;

    [ClusterFact]
    public async Task Killing_the_silo_mid_checkout_loses_nothing_acknowledged_and_every_order_settles_after_restart()
    {
        await using var database = await PostgresDatabase.CreateAsync("orders_crash");
        var (serviceId, clusterId) = ($"k8shop-{Guid.NewGuid():N}", $"crash-{Guid.NewGuid():N}");
        // Keys and accounts from configuration and PostgreSQL, so the tokens issued before the crash still pass after it.
        var ports = HostPorts.Free();
        using var identity = ClusterIdentity.Create(database.ConnectionString, ports.HttpUrl);
        var settings = new Dictionary<string, string>(identity.SiloSettings)
        {
            ["DynamoDB__TableName"] = $"k8shop-crash-{Guid.NewGuid():N}",
            ["Orders__ResumeAfter"] = "00:00:03",
            ["Inventory__MaxWritesPerSecond"] = "0",
            // Each charge takes 150 ms, after the order is stored and its stock held: the kill below waits for an
            // order in that state, so that it surely interrupts one.
            ["Payments__Latency"] = "00:00:00.150",
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var silo = ClusterSiloProcess.Start(database.ConnectionString, serviceId, clusterId, settings, ports: ports);
        try
        {
            await silo.WaitUntilServingAsync(http, TimeSpan.FromSeconds(60));
            var url = $"http://127.0.0.1:{silo.HttpPort}";
            // The operator sets stock and reads every order back; each checkout carries its shopper's own token.
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await identity.OperatorTokenAsync());
            var shoppers = await identity.ShoppersAsync($"crash-{Guid.NewGuid():N}"[..18], 10);
            foreach (var sku in Skus)
                await SetStockAsync(http, url, sku, StockPerSku);

            // Checkouts of 1-4 units over three SKUs (more units asked than in stock, so some are refused), one in
            // six with a card that declines; each under its own Idempotency-Key.
            var keys = Enumerable.Range(0, Checkouts).Select(i => $"crash-{clusterId}-{i}").ToArray();
            // With a token the gateway makes each key its shopper's own (sub, then the key) before deriving the order id.
            var orderIds = keys.Select((key, i) => (key, id: OrderIds.FromIdempotencyKey($"{shoppers[i % 10].UserId}\n{key}"))).ToDictionary(p => p.key, p => p.id);
            var acknowledged = new ConcurrentDictionary<string, JsonElement>();
            var next = -1;
            var crashAt = Checkouts * 2 / 5;
            async Task ClientAsync()
            {
                for (var i = Interlocked.Increment(ref next); i < Checkouts; i = Interlocked.Increment(ref next))
                {
                    var body = new
                    {
                        userId = shoppers[i % 10].UserId,
                        items = new[] { new { sku = Skus[i % 3], qty = 1 + i % 4 }, new { sku = Skus[(i + 1) % 3], qty = 1 } },
                        paymentToken = i % 6 == 5 ? "tok_decline" : null,
                    };
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, $"{url}/orders") { Content = JsonContent.Create(body) };
                        request.Headers.Add("Idempotency-Key", keys[i]);
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await shoppers[i % 10].Tokens.GetAsync());
                        using var response = await http.SendAsync(request);
                        if (response.StatusCode == HttpStatusCode.OK)
                            acknowledged[keys[i]] = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        // The silo is gone: this checkout was never acknowledged.
                    }
                }
            }

            var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(ClientAsync)).ToArray();
            while (Volatile.Read(ref next) < crashAt)
                await Task.Delay(5);
            await UntilACheckoutInFlightIsReservedAsync(http, url, keys, orderIds, () => Volatile.Read(ref next), acknowledged.ContainsKey);
            await silo.CrashAsync();
            await Task.WhenAll(clients);
            var acknowledgedBeforeCrash = acknowledged.Count;
            output.WriteLine($"{acknowledgedBeforeCrash} of {Checkouts} checkouts acknowledged before the crash");

            var restarted = ClusterSiloProcess.Start(database.ConnectionString, serviceId, clusterId, settings, samePortsAs: silo);
            await silo.DisposeAsync();
            silo = restarted;
            await silo.WaitUntilServingAsync(http, TimeSpan.FromSeconds(60));

            // Nobody calls the interrupted orders again: the due-work sweep must finish them.
            var orders = await WaitForSettledOrdersAsync(http, url, keys, orderIds, TimeSpan.FromSeconds(60), output.WriteLine);

            foreach (var (key, reply) in acknowledged)
            {
                var stored = orders[key];
                Assert.NotNull(stored);
                Assert.Equal(reply.GetProperty("orderId").GetString(), stored.Value.GetProperty("orderId").GetString());
                Assert.Equal(reply.GetProperty("status").GetString(), stored.Value.GetProperty("status").GetString());
                Assert.Equal(reply.GetProperty("total").GetDecimal(), stored.Value.GetProperty("total").GetDecimal());
            }

            var storedOrders = orders.Values.OfType<JsonElement>().ToList();
            output.WriteLine($"{storedOrders.Count} orders stored: " + string.Join(", ",
                storedOrders.GroupBy(o => o.GetProperty("status").GetString()).Select(g => $"{g.Key} {g.Count()}")));
            Assert.True(storedOrders.Count > acknowledgedBeforeCrash, "the crash interrupted no stored order; the test proves nothing");

            foreach (var sku in Skus)
            {
                var sold = storedOrders.Where(o => o.GetProperty("status").GetString() == "confirmed")
                    .SelectMany(o => o.GetProperty("items").EnumerateArray())
                    .Where(i => i.GetProperty("sku").GetString() == sku)
                    .Sum(i => i.GetProperty("quantity").GetInt32());
                var stock = await GetJsonAsync(http, $"{url}/inventory/{sku}");
                Assert.Equal((0, sold, StockPerSku - sold),
                    (stock.GetProperty("reserved").GetInt32(), stock.GetProperty("committed").GetInt32(), stock.GetProperty("available").GetInt32()));
            }

            foreach (var order in storedOrders)
            {
                var orderId = order.GetProperty("orderId").GetString();
                var status = order.GetProperty("status").GetString();
                using var response = await http.GetAsync($"{url}/payments/{orderId}");
                if (status == "rejected")
                {
                    Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                    continue;
                }
                var payment = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                Assert.Equal(status == "confirmed" ? "payment.succeeded" : "payment.failed", payment.GetProperty("status").GetString());
                Assert.Equal(order.GetProperty("total").GetDecimal(), payment.GetProperty("amount").GetDecimal());
                Assert.Equal(payment.GetProperty("payment_id").GetString(), order.GetProperty("payment").GetProperty("payment_id").GetString());
            }
        }
        finally
        {
            await silo.DisposeAsync();
        }
    }

    /// <summary>
    /// Waits (up to 10 s) until a checkout in flight reads <c>reserved</c>: stored, its stock held, its charge under
    /// way. Killing at a count of checkouts alone was not enough: on a busy machine the clients can move in step, and
    /// the kill then came just after one wave was answered and before the next was stored.
    /// </summary>
    private static async Task UntilACheckoutInFlightIsReservedAsync(
        HttpClient http, string url, string[] keys, IReadOnlyDictionary<string, string> orderIds, Func<int> dispatched, Func<string, bool> isAcknowledged)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var last = Math.Min(dispatched(), keys.Length - 1);
            var inFlight = keys[Math.Max(0, last - Clients + 1)..(last + 1)].Where(k => !isAcknowledged(k));
            var statuses = await Task.WhenAll(inFlight.Select(async key =>
            {
                using var response = await http.GetAsync($"{url}/orders/{orderIds[key]}");
                return response.StatusCode == HttpStatusCode.OK
                    ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString()
                    : null;
            }));
            if (statuses.Contains("reserved"))
                return;
        }
    }

    /// <summary>Each key's order (null when none was ever stored), once every stored one is settled.</summary>
    private static async Task<Dictionary<string, JsonElement?>> WaitForSettledOrdersAsync(
        HttpClient http, string url, string[] keys, IReadOnlyDictionary<string, string> orderIds, TimeSpan timeout, Action<string> log)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var orders = new Dictionary<string, JsonElement?>();
            foreach (var key in keys)
            {
                using var response = await http.GetAsync($"{url}/orders/{orderIds[key]}");
                orders[key] = response.StatusCode == HttpStatusCode.NotFound
                    ? null
                    : JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            }
            var unsettled = orders.Values.OfType<JsonElement>()
                .Where(o => o.GetProperty("status").GetString() is not ("confirmed" or "rejected" or "payment_failed")).ToList();
            log($"{unsettled.Count} stored orders not settled yet: " + string.Join(", ", unsettled.Select(o => o.GetProperty("status").GetString())));
            if (unsettled.Count == 0)
                return orders;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{unsettled.Count} orders did not settle: " + string.Join(", ", unsettled.Select(o => o.GetProperty("status").GetString())));
            await Task.Delay(500);
        }
    }

    private static async Task SetStockAsync(HttpClient http, string url, string sku, int stock)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{url}/inventory/{sku}") { Content = JsonContent.Create(new { stock }) };
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string url) =>
        JsonDocument.Parse(await http.GetStringAsync(url)).RootElement.Clone();
}
