using K8Shop.Contracts.Cart;
using K8Shop.Contracts.Storage;
using K8Shop.TestSupport;
using StackExchange.Redis;

namespace K8Shop.IntegrationTests.Cart;

/// <summary>Carts on a real Redis (its own server per test, append-only with fsync always): durability and outages.</summary>
public sealed class RedisCartTests
{
    [RedisFact]
    public async Task Cart_AfterTheSiloRestarts_StillHoldsEveryLine()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        var serviceId = NewServiceId();
        var user = NewUser();
        await using (var first = await RedisCartCluster.StartAsync(redis.ConnectionString, serviceId))
        {
            var cart = first.Client.GetGrain<ICartGrain>(user);
            await cart.AddItemAsync("BOOK-001", 2);
            await cart.AddItemAsync("book-005", 1);
        }

        await using var second = await RedisCartCluster.StartAsync(redis.ConnectionString, serviceId);
        var restored = await second.Client.GetGrain<ICartGrain>(user).GetAsync();

        Assert.Equal([("BOOK-001", 2, 44.95m), ("BOOK-005", 1, 21.00m)], restored.Items.Select(i => (i.ProductId, i.Quantity, i.Price)));
        Assert.Equal(110.90m, restored.Subtotal);
    }

    [RedisFact]
    public async Task Cart_RedisKeyHoldsAnotherType_FailsAsTheBugItIsNotAsUnavailable()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        await using var cluster = await RedisCartCluster.StartAsync(redis.ConnectionString, NewServiceId());
        var user = NewUser();
        var cart = cluster.Client.GetGrain<ICartGrain>(user);
        await cart.AddItemAsync("BOOK-001", 1);
        await using var direct = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var key = Assert.Single(direct.GetServer(direct.GetEndPoints()[0]).Keys(pattern: $"*{user}*"));
        await direct.GetDatabase().StringSetAsync(key, "not a cart");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => cart.AddItemAsync("BOOK-002", 1));

        Assert.IsNotType<StorageUnavailableException>(error);
        Assert.Contains("WRONGTYPE", error.ToString(), StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task Cart_RedisCrashesAndComesBack_Answers503ThenRecoversWithNothingAcknowledgedLost()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        var serviceId = NewServiceId();
        var acknowledged = new Dictionary<string, int>();
        await using (var cluster = await RedisCartCluster.StartAsync(redis.ConnectionString, serviceId))
        {
            for (var i = 0; i < 20; i++)
            {
                var user = NewUser();
                await cluster.Client.GetGrain<ICartGrain>(user).AddItemAsync("BOOK-004", i % 5 + 1);
                acknowledged[user] = i % 5 + 1;
            }

            await redis.KillAsync();
            var outage = await Assert.ThrowsAsync<StorageUnavailableException>(() => cluster.Client.GetGrain<ICartGrain>(acknowledged.Keys.First()).AddItemAsync("BOOK-004", 1));
            // A cart not yet active fails while loading; the runtime wraps the store's reason, the gateway unwraps it.
            var coldCart = (await Assert.ThrowsAnyAsync<Exception>(() => cluster.Client.GetGrain<ICartGrain>(NewUser()).GetAsync())).InnerException;
            var healthDuringOutage = await cluster.Client.GetGrain<IBackendHealthGrain>("cart").CheckAsync();

            await redis.StartAgainAsync();
            var recovered = await WaitUntilAsync(async () => (await cluster.Client.GetGrain<IBackendHealthGrain>("cart").CheckAsync()).Ok);
            var afterRecovery = await cluster.Client.GetGrain<ICartGrain>(acknowledged.Keys.First()).AddItemAsync("BOOK-004", 1);

            Assert.Equal("cart backend unavailable", outage.Message);
            Assert.IsType<StorageUnavailableException>(coldCart);
            Assert.Equal("cart backend unavailable", coldCart.Message);
            Assert.Equal(new BackendHealth(false, "redis", "backend unavailable"), healthDuringOutage);
            Assert.True(recovered, "the cart store did not recover within 20 s of Redis coming back");
            Assert.Equal(acknowledged.Values.First() + 1, afterRecovery.Items.Single().Quantity);
            acknowledged[acknowledged.Keys.First()]++;
        }

        // A fresh silo reads only what Redis kept: every acknowledged change, and the failed one not at all.
        await using var fresh = await RedisCartCluster.StartAsync(redis.ConnectionString, serviceId);
        foreach (var (user, quantity) in acknowledged)
            Assert.Equal(quantity, (await fresh.Client.GetGrain<ICartGrain>(user).GetAsync()).Items.Single().Quantity);
    }

    [RedisFact]
    public async Task Cart_LeftIdlePastItsExpiry_ReadsEmptyAndLeavesNoKeyInRedis()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        await using var cluster = await RedisCartCluster.StartAsync(redis.ConnectionString, NewServiceId(), idleExpiry: TimeSpan.FromSeconds(2));
        await using var client = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var server = client.GetServer(client.GetEndPoints()[0]);
        var user = NewUser();
        var cart = cluster.Client.GetGrain<ICartGrain>(user);

        await cart.AddItemAsync("BOOK-006", 1);
        var keysWhileFresh = server.Keys(pattern: $"*{user}*").ToList();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var afterExpiry = await cart.GetAsync();
        var keysAfterExpiry = server.Keys(pattern: $"*{user}*").ToList();

        Assert.Single(keysWhileFresh);
        Assert.Empty(afterExpiry.Items);
        Assert.Empty(keysAfterExpiry);
    }

    [RedisFact]
    public async Task CartChange_OnAnActiveCart_SendsOneCommandToRedis()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        await using var cluster = await RedisCartCluster.StartAsync(redis.ConnectionString, NewServiceId());
        await using var client = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var server = client.GetServer(client.GetEndPoints()[0]);
        var cart = cluster.Client.GetGrain<ICartGrain>(NewUser());
        await cart.AddItemAsync("BOOK-002", 1);
        await server.ExecuteAsync("CONFIG", "RESETSTAT");

        for (var i = 0; i < 10; i++)
            await cart.SetQuantityAsync("BOOK-002", i % 2 + 2);
        var stats = server.Info("commandstats").SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);

        // The Redis provider writes with one EVALSHA; the script's HGET, HMSET and EXPIRE run inside it.
        Assert.Equal(10, Calls(stats, "cmdstat_evalsha"));
        Assert.Equal(0, Calls(stats, "cmdstat_hgetall"));
    }

    private static int Calls(Dictionary<string, string> stats, string command) =>
        stats.TryGetValue(command, out var value) ? int.Parse(value.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture) : 0;

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return true;
            await Task.Delay(250);
        }
        return false;
    }

    private static string NewServiceId() => $"cart-it-{Guid.NewGuid():N}"[..20];

    private static string NewUser() => $"user-{Guid.NewGuid():N}";
}
