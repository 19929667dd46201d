using K8Shop.Grains.Storage;
using StackExchange.Redis;

namespace K8Shop.Silo.Cart;

/// <summary>
/// The silo's one Redis connection (ConnectionStrings:Redis), shared by cart storage and the health probe. It
/// never fails fast: while Redis is away commands fail (carts answer 503) and it reconnects by itself.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;

    /// <param name="onConnected">Told the multiplexer once connected (tracing registers it to see its commands).</param>
    public RedisConnection(string connectionString, Action<IConnectionMultiplexer>? onConnected = null)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ClientName ??= "k8shop-silo";
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 3000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 3000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 3000);
        // Completions on the runtime's thread pool, not the library's ten dedicated threads: on a silo of one or two
        // cores those threads fought over their queue's lock (the silo's CPU profile under checkout load showed it
        // contended on every Redis write), and everything here is async, which is what the dedicated pool guards against.
        options.SocketManager ??= SocketManager.ThreadPool;
        Options = options;
        _connection = new(async () =>
        {
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
            onConnected?.Invoke(multiplexer);
            return multiplexer;
        });
    }

    public ConfigurationOptions Options { get; }

    /// <summary>For RedisStorageOptions.CreateMultiplexer: the shared connection, which storage must not dispose.</summary>
    public async Task<(IConnectionMultiplexer Multiplexer, bool IsShared)> ForStorageAsync() => (await _connection.Value, true);

    public async Task<IDatabase> DatabaseAsync() => (await _connection.Value).GetDatabase();

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
            await (await _connection.Value).DisposeAsync();
    }
}

/// <summary>Health of the carts' Redis: a PING over the shared connection.</summary>
public sealed class RedisBackendProbe(RedisConnection redis) : IBackendProbe
{
    public string Backend => "redis";

    public async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await (await redis.DatabaseAsync()).PingAsync().WaitAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException)
        {
            return "backend unavailable";
        }
    }
}
