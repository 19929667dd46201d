using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using K8Shop.Contracts.Faults;
using K8Shop.Faults.Switches;
using K8Shop.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K8Shop.IntegrationTests.Faults;

/// <summary>
/// The datastore faults in embedded mode (one process, memory stores): the inventory's, carts' and orders' memory
/// storages are throttled, made unavailable or slowed as DynamoDB, Redis and PostgreSQL are in the cluster, with the same
/// answers; off, gone. Needs no outside service.
/// </summary>
public sealed class EmbeddedFaultTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task EmbeddedMode_DatastoreFaults_AnswerAsInTheCluster_OnlyInTheirScope_AndOffTheyAreGone()
    {
        var clock = Stopwatch.StartNew();
        await using var host = new EmbeddedHost();
        var http = host.CreateClient();
        output.WriteLine($"started at {clock.ElapsedMilliseconds} ms");
        var switches = host.Services.GetRequiredService<FaultSwitches>();
        var board = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IFaultSwitchboardGrain>(IFaultSwitchboardGrain.Key);
        async Task SetAsync(string fault, FaultSetting setting)
        {
            await board.SetAsync(fault, setting);
            await InfraFaultFixture.WaitUntilAsync(() => Task.FromResult(switches.IsOn(fault) == setting.Enabled), TimeSpan.FromSeconds(10), $"{fault} not followed");
        }
        const int latencyMs = 400;
        var user = "embedded-" + Guid.NewGuid().ToString("N")[..8];

        await SetAsync(FaultNames.DynamoDBThrottling, new FaultSetting(true, Scope: FaultScope.ForSku("BOOK-141")));
        await SetAsync(FaultNames.RedisUnavailable, new FaultSetting(true, Scope: FaultScope.ForUser(user)));
        await SetAsync(FaultNames.PostgresSlowWrites, new FaultSetting(true, LatencyMs: latencyMs, Scope: FaultScope.ForUser(user)));
        output.WriteLine($"switches on at {clock.ElapsedMilliseconds} ms");
        var throttled = await ReserveAsync(http, "BOOK-141");
        var spared = await ReserveAsync(http, "BOOK-142");
        var cart = await http.PostAsJsonAsync($"/cart/{user}/items", new { productId = "BOOK-143", quantity = 1, price = 1.0m });
        var started = Stopwatch.GetTimestamp();
        var checkout = await http.PostAsJsonAsync("/orders", new { userId = user, items = new[] { new { sku = "BOOK-144", qty = 1 } } });
        var slowCheckout = Stopwatch.GetElapsedTime(started);
        foreach (var fault in new[] { FaultNames.DynamoDBThrottling, FaultNames.RedisUnavailable, FaultNames.PostgresSlowWrites })
            await SetAsync(fault, FaultSetting.Off);
        output.WriteLine($"switches off at {clock.ElapsedMilliseconds} ms");
        var afterThrottling = await ReserveAsync(http, "BOOK-141");
        var afterCart = await http.PostAsJsonAsync($"/cart/{user}/items", new { productId = "BOOK-143", quantity = 1, price = 1.0m });
        started = Stopwatch.GetTimestamp();
        var fastCheckout = await http.PostAsJsonAsync("/orders", new { userId = user, items = new[] { new { sku = "BOOK-144", qty = 1 } } });
        var fast = Stopwatch.GetElapsedTime(started);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, throttled.StatusCode);
        Assert.Equal("inventory store unavailable", JsonDocument.Parse(await throttled.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, spared.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, cart.StatusCode);
        Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        Assert.True(slowCheckout >= InfraFaultFixture.AtLeast(3 * latencyMs), $"the checkout took {slowCheckout.TotalMilliseconds} ms with {latencyMs} ms per write");
        Assert.Equal(HttpStatusCode.OK, afterThrottling.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterCart.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fastCheckout.StatusCode);
        Assert.True(fast < TimeSpan.FromMilliseconds(3 * latencyMs), $"the checkout took {fast.TotalMilliseconds} ms after the switch went off");
        var stock = JsonDocument.Parse(await http.GetStringAsync("/inventory/BOOK-141")).RootElement;
        Assert.Equal(1, stock.GetProperty("reserved").GetInt32());
        output.WriteLine($"checked at {clock.ElapsedMilliseconds} ms");
    }

    private static Task<HttpResponseMessage> ReserveAsync(HttpClient http, string sku) =>
        http.PostAsJsonAsync($"/inventory/{sku}/reserve", new { order_id = $"emb-{Guid.NewGuid():N}", qty = 1, ttl_seconds = 600 });

    private sealed class EmbeddedHost : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("K8Shop:Dashboard", "false");
            builder.UseSetting("Auth:Mode", "open");
            builder.UseSetting("Identity:DevelopmentKeys", "true");
            builder.UseSetting("Identity:RequireHttps", "false");
            builder.UseSetting("Orleans:SiloPort", TestPorts.Free().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Orleans:GatewayPort", TestPorts.Free().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("FaultSwitches:RefreshInterval", "00:00:00.200");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            // Nothing to drain: a test host need not wait out the default shutdown timeout.
            builder.ConfigureServices(services => services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5)));
        }
    }
}
