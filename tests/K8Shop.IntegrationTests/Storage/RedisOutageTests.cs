using K8Shop.Silo.Storage;
using K8Shop.TestSupport;
using StackExchange.Redis;

namespace K8Shop.IntegrationTests.Storage;

/// <summary>StackExchange.Redis's errors as a real Redis raises them: only connection and timeout errors are an outage.</summary>
public sealed class RedisOutageTests
{
    [RedisFact]
    public async Task NobodyListening_IsAnOutage()
    {
        var options = ConfigurationOptions.Parse($"127.0.0.1:{TestPorts.Free()}");
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 500;
        options.AsyncTimeout = 1000;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);

        var error = await Assert.ThrowsAnyAsync<RedisException>(() => redis.GetDatabase().StringGetAsync("k8shop:outage"));

        Assert.True(DatastoreOutage.IsOutage(error), PostgresOutageTests.Describe(error));
    }

    [RedisFact]
    public async Task ServerPausingEveryClient_CommandTimesOut_IsAnOutage()
    {
        // A server of this test's own: pausing the shared one would stall everyone else's tests.
        await using var server = await RedisServerProcess.StartAsync();
        await using var admin = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var options = ConfigurationOptions.Parse(server.ConnectionString);
        options.AsyncTimeout = 300;
        await using var client = await ConnectionMultiplexer.ConnectAsync(options);
        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "3000", "ALL");

        var error = await Assert.ThrowsAsync<RedisTimeoutException>(() => client.GetDatabase().StringGetAsync("k8shop:paused"));

        Assert.True(DatastoreOutage.IsOutage(error), PostgresOutageTests.Describe(error));
    }

    [RedisFact]
    public async Task CommandOnAKeyOfAnotherType_IsABugNotAnOutage()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServices.RedisConnectionString);
        var key = $"k8shop:test:wrongtype:{Guid.NewGuid():N}";
        var database = redis.GetDatabase();
        await database.StringSetAsync(key, "not a hash", TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<RedisServerException>(() => database.HashGetAllAsync(key));

        Assert.StartsWith("WRONGTYPE", error.Message, StringComparison.Ordinal);
        Assert.False(DatastoreOutage.IsOutage(error), PostgresOutageTests.Describe(error));
    }
}
