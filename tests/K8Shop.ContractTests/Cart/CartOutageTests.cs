using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using K8Shop.ContractTests.Hosts;
using K8Shop.TestSupport;

namespace K8Shop.ContractTests.Cart;

/// <summary>
/// Redis crashing under a running host: 503 with the original's detail, health says so, recovery on its own. A Redis
/// that answers but with an error the code caused is a bug: 500, never "unavailable".
/// </summary>
public sealed class CartOutageTests
{
    [ClusterFact]
    public async Task CartRoutes_RedisDown_Answer503WithTheOriginalDetailAndRecover()
    {
        await using var database = await PostgresDatabase.CreateAsync("cartout");
        await using var redis = await RedisServerProcess.StartAsync();
        await using var host = ClusterHost(database, redis);
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cart/before-outage")).StatusCode);

        await redis.KillAsync();
        var cart = await client.GetAsync("/cart/during-outage");
        var cartBody = JsonDocument.Parse(await cart.Content.ReadAsStringAsync()).RootElement;
        var health = await client.GetAsync("/api/cart/healthz");
        var healthBody = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        await redis.StartAgainAsync();
        var recovered = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 80 && recovered != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(250);
            recovered = (await client.GetAsync("/cart/after-outage")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, cart.StatusCode);
        Assert.Equal("cart backend unavailable", cartBody.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("""{"ok":false,"backend":"redis","error":"backend unavailable"}""", healthBody.GetRawText());
        Assert.Equal(HttpStatusCode.OK, recovered);
    }

    [ClusterFact]
    public async Task CartRoutes_RedisKeyOfAnotherType_Answer500NotUnavailable()
    {
        await using var database = await PostgresDatabase.CreateAsync("cartbug");
        await using var redis = await RedisServerProcess.StartAsync();
        await using var host = ClusterHost(database, redis);
        var client = host.CreateClient();
        var user = $"wrongtype-{Guid.NewGuid():N}";
        var added = await client.PostAsJsonAsync($"/cart/{user}/items", new { productId = "BOOK-001", quantity = 1, price = 1.0m });
        await using var direct = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var key = Assert.Single(direct.GetServer(direct.GetEndPoints()[0]).Keys(pattern: $"*{user}*"));
        await direct.GetDatabase().StringSetAsync(key, "not a cart");

        var broken = await client.PostAsJsonAsync($"/cart/{user}/items", new { productId = "BOOK-002", quantity = 1, price = 1.0m });
        var body = JsonDocument.Parse(await broken.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
        Assert.Equal("internal error", body.GetProperty("error").GetString());
        Assert.False(broken.Headers.Contains("Retry-After"));
    }

    /// <summary>The cluster profile with carts on this test's own Redis.</summary>
    private static K8ShopHost ClusterHost(PostgresDatabase database, RedisServerProcess redis) => new(new Dictionary<string, string?>
    {
        ["K8Shop:Profile"] = "cluster",
        ["Auth:Mode"] = "open",
        ["ConnectionStrings:Postgres"] = database.ConnectionString,
        ["ConnectionStrings:Redis"] = redis.ConnectionString,
        ["ConnectionStrings:RabbitMQ"] = TestServices.RabbitMQConnectionString,
        ["DynamoDB:ServiceUrl"] = TestServices.DynamoDBServiceUrl,
        ["DynamoDB:TableName"] = $"k8shop-contract-{Guid.NewGuid():N}",
    });
}
